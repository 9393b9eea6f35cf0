package com.concert.application.fake;

import com.concert.domain.concert.ConcertId;
import com.concert.domain.queue.AdmissionPolicy;
import com.concert.domain.queue.AdmissionResult;
import com.concert.domain.queue.QueueEntry;
import com.concert.domain.queue.QueueStore;
import com.concert.domain.queue.QueueToken;
import com.concert.domain.queue.QueueTokenId;
import com.concert.domain.shared.UserId;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A {@link QueueStore} in memory, keeping the same promises as the Redis one (see its contract test): every
 * method is atomic because every method holds the store's lock.
 */
public final class InMemoryQueueStore implements QueueStore {

    private final Map<ConcertId, Line> lines = new HashMap<>();
    /** What the last tick of each concert left for entries (admit on entry); kept when a line empties. */
    private final Map<ConcertId, Room> rooms = new HashMap<>();

    private record Room(int places, Instant until, Duration activeTtl, int maxActive) {
    }

    private static final class Line {
        long nextTicket;
        final TreeMap<Long, QueueTokenId> waiting = new TreeMap<>();
        final Map<QueueTokenId, Long> ticketOf = new HashMap<>();
        final Map<QueueTokenId, Instant> active = new LinkedHashMap<>();
        final Map<QueueTokenId, UserId> owner = new HashMap<>();
        final Map<UserId, QueueTokenId> tokenOf = new HashMap<>();
        Double rate;
        Instant lastTick;

        QueueToken view(QueueTokenId id, Instant now) {
            Instant until = active.get(id);
            if (until != null) {
                return now.isBefore(until) ? QueueToken.active(id, owner.get(id), until) : null;
            }
            Long ticket = ticketOf.get(id);
            return ticket == null ? null : QueueToken.waiting(id, owner.get(id), waiting.headMap(ticket, true).size());
        }

        void end(QueueTokenId id) {
            Long ticket = ticketOf.remove(id);
            if (ticket != null) {
                waiting.remove(ticket);
            }
            active.remove(id);
            UserId user = owner.remove(id);
            if (user != null && id.equals(tokenOf.get(user))) {
                tokenOf.remove(user);
            }
        }

        OptionalDouble rate() {
            return rate == null ? OptionalDouble.empty() : OptionalDouble.of(rate);
        }
    }

    @Override
    public synchronized QueueEntry enter(ConcertId concert, UserId user, QueueTokenId candidate, Instant now) {
        Line line = lines.computeIfAbsent(concert, c -> new Line());
        QueueTokenId existing = line.tokenOf.get(user);
        if (existing != null) {
            QueueToken token = line.view(existing, now);
            if (token != null) {
                return new QueueEntry(token, false, line.rate());
            }
            line.end(existing);
        }
        Room room = rooms.get(concert);
        if (line.waiting.isEmpty() && room != null && room.places() > 0 && now.isBefore(room.until())
                && line.active.size() < room.maxActive()) {
            rooms.put(concert, new Room(room.places() - 1, room.until(), room.activeTtl(), room.maxActive()));
            line.active.put(candidate, now.plus(room.activeTtl()));
            line.owner.put(candidate, user);
            line.tokenOf.put(user, candidate);
            return new QueueEntry(line.view(candidate, now), true, line.rate());
        }
        long ticket = ++line.nextTicket;
        line.waiting.put(ticket, candidate);
        line.ticketOf.put(candidate, ticket);
        line.owner.put(candidate, user);
        line.tokenOf.put(user, candidate);
        return new QueueEntry(line.view(candidate, now), true, line.rate());
    }

    @Override
    public synchronized Optional<QueueEntry> find(QueueTokenId token, UserId user, Instant now) {
        Line line = lines.get(token.concertId());
        if (line == null || !user.equals(line.owner.get(token))) {
            return Optional.empty();
        }
        return Optional.ofNullable(line.view(token, now)).map(t -> new QueueEntry(t, false, line.rate()));
    }

    @Override
    public synchronized boolean leave(QueueTokenId token, UserId user) {
        Line line = lines.get(token.concertId());
        if (line == null || !user.equals(line.owner.get(token))) {
            return false;
        }
        line.end(token);
        return true;
    }

    @Override
    public synchronized void complete(ConcertId concert, UserId user) {
        Line line = lines.get(concert);
        if (line != null && line.tokenOf.containsKey(user)) {
            line.end(line.tokenOf.get(user));
        }
    }

    @Override
    public synchronized AdmissionResult admit(ConcertId concert, AdmissionPolicy policy, Instant now) {
        Line line = lines.get(concert);
        if (line == null) {
            leaveRoom(concert, policy, 0, now);
            return new AdmissionResult(concert, 0, 0, 0, 0);
        }
        int expired = 0;
        for (Iterator<Map.Entry<QueueTokenId, Instant>> it = line.active.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<QueueTokenId, Instant> slot = it.next();
            if (!now.isBefore(slot.getValue())) {
                it.remove();
                UserId user = line.owner.remove(slot.getKey());
                line.tokenOf.remove(user, slot.getKey());
                expired++;
            }
        }
        boolean anybodyWaited = !line.waiting.isEmpty();
        int admitted = 0;
        for (int slots = policy.slotsToFill(line.active.size()); slots > 0 && !line.waiting.isEmpty(); slots--) {
            QueueTokenId next = line.waiting.pollFirstEntry().getValue();
            line.ticketOf.remove(next);
            line.active.put(next, now.plus(policy.activeTtl()));
            admitted++;
        }
        measure(line, anybodyWaited, admitted, now);
        leaveRoom(concert, policy, admitted, now);
        if (line.waiting.isEmpty() && line.active.isEmpty()) {
            lines.remove(concert);
        }
        return new AdmissionResult(concert, admitted, expired, line.waiting.size(), line.active.size());
    }

    private void leaveRoom(ConcertId concert, AdmissionPolicy policy, int admitted, Instant now) {
        if (policy.admitOnEntry()) {
            rooms.put(concert, new Room(policy.batchSize() - admitted, now.plus(policy.interval()), policy.activeTtl(),
                    policy.maxActive()));
        } else {
            rooms.remove(concert);
        }
    }

    /** The same moving average as the Redis store: time constant 30 s, measured only while somebody waits. */
    private static void measure(Line line, boolean anybodyWaited, int admitted, Instant now) {
        if (anybodyWaited && line.lastTick != null) {
            double seconds = Duration.between(line.lastTick, now).toNanos() / 1e9;
            if (seconds > 0) {
                double instant = admitted / seconds;
                double alpha = 1 - Math.exp(-seconds / 30.0);
                line.rate = line.rate == null ? instant : alpha * instant + (1 - alpha) * line.rate;
            }
        }
        line.lastTick = now;
    }

    @Override
    public synchronized Set<ConcertId> concertsInLine() {
        return lines.keySet().stream().collect(Collectors.toUnmodifiableSet());
    }
}
