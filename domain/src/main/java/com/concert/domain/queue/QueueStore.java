package com.concert.domain.queue;

import com.concert.domain.concert.ConcertId;
import com.concert.domain.shared.UserId;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * The waiting line of every concert. Implementations must keep these promises under any number of
 * concurrent callers, including callers in other service instances sharing the same store:
 *
 * <ul>
 *     <li><b>One place per user.</b> {@link #enter} is atomic: concurrent entries of one user for one concert
 *     create exactly one token, and every one of them answers with it.</li>
 *     <li><b>First come, first served.</b> Each new token takes the next number of a per-concert counter;
 *     positions follow those numbers without gaps or ties: N distinct users entering concurrently get
 *     positions 1..N in some order, each exactly once.</li>
 *     <li><b>Capacity.</b> {@link #admit} is atomic: it first drops active tokens whose time ran out, then
 *     moves {@code min(batchSize, maxActive - active)} waiting tokens, lowest numbers first, to active until
 *     {@code now + activeTtl}. However many callers admit at once, a concert never has more than
 *     {@code maxActive} active tokens.</li>
 *     <li><b>Straight in when nobody waits</b> (only with {@link AdmissionPolicy#admitOnEntry()}). A tick leaves
 *     the part of its batch it did not use as room until its next tick is due; a new token entering while
 *     nobody waits takes one place of that room and is active at once, as long as the concert stays within
 *     {@code maxActive}. Atomic like the rest: however many enter at once, no more are let in than the room,
 *     and none while anybody waits.</li>
 *     <li><b>Ended means gone.</b> A token that left, was completed, or whose active time ran out is not
 *     found again (even before an admission tick cleans it up); its user may enter again and gets a new
 *     token at the end of the line.</li>
 * </ul>
 * Time is passed in by the caller, so that every instance and every test judges expiry by one clock.
 */
public interface QueueStore {

    /**
     * Puts {@code user} in line for {@code concert} with {@code candidate} as the token, or answers the token the
     * user already holds there (waiting or active, with its current place) and ignores the candidate. A new token
     * is active at once when the last tick left room and nobody waits (see the class comment).
     */
    QueueEntry enter(ConcertId concert, UserId user, QueueTokenId candidate, Instant now);

    /** The token as it stands, if it exists, belongs to {@code user}, and has not ended at {@code now}. */
    Optional<QueueEntry> find(QueueTokenId token, UserId user, Instant now);

    /** Ends the token of {@code user}: leaves the line or frees the active slot. False if there was none. */
    boolean leave(QueueTokenId token, UserId user);

    /** Ends whatever token {@code user} holds for {@code concert}, freeing its slot at once (after a payment). */
    void complete(ConcertId concert, UserId user);

    /** One admission step for one concert (see the class comment); also refreshes the admission rate. */
    AdmissionResult admit(ConcertId concert, AdmissionPolicy policy, Instant now);

    /**
     * The concerts that have anybody waiting or active: the ones admission must visit. A concert appears here
     * at the latest when its first token is created, and leaves only when {@link #admit} found it empty.
     */
    Set<ConcertId> concertsInLine();
}
