package com.concert.application.contract;

import com.concert.domain.concert.ConcertId;
import com.concert.domain.queue.AdmissionPolicy;
import com.concert.domain.queue.AdmissionResult;
import com.concert.domain.queue.QueueEntry;
import com.concert.domain.queue.QueueStatus;
import com.concert.domain.queue.QueueStore;
import com.concert.domain.queue.QueueToken;
import com.concert.domain.queue.QueueTokenId;
import com.concert.domain.shared.UserId;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link QueueStore} promises (see its Javadoc), concurrency included. Subclassed once per
 * implementation. Each test uses concerts of its own, so implementations backed by a shared server need no
 * cleanup between tests.
 */
public abstract class QueueStoreContract {

    private static final AtomicLong CONCERTS = new AtomicLong(1_000_000 + ThreadLocalRandom.current().nextInt(1_000_000));
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private static final AdmissionPolicy POLICY =
            new AdmissionPolicy(Duration.ofMillis(200), 2, 3, Duration.ofSeconds(3));

    protected abstract QueueStore store();

    private static ConcertId newConcert() {
        return new ConcertId(CONCERTS.incrementAndGet());
    }

    private QueueEntry enter(ConcertId concert, long user) {
        return store().enter(concert, new UserId(user), QueueTokenId.generate(concert, RANDOM), NOW);
    }

    private QueueToken find(QueueEntry entry, Instant now) {
        return store().find(entry.token().id(), entry.token().userId(), now).map(QueueEntry::token).orElse(null);
    }

    @Test
    void enter_givesEachNewUserTheNextPlace() {
        ConcertId concert = newConcert();

        QueueEntry first = enter(concert, 1);
        QueueEntry second = enter(concert, 2);

        assertThat(first.created()).isTrue();
        assertThat(first.token().status()).isEqualTo(QueueStatus.WAITING);
        assertThat(first.token().position()).isEqualTo(1);
        assertThat(first.token().concertId()).isEqualTo(concert);
        assertThat(second.token().position()).isEqualTo(2);
        assertThat(store().concertsInLine()).contains(concert);
    }

    @Test
    void enteringAgain_answersTheFirstTokenAndPlace() {
        ConcertId concert = newConcert();
        QueueEntry first = enter(concert, 1);
        enter(concert, 2);

        QueueEntry again = enter(concert, 1);

        assertThat(again.created()).isFalse();
        assertThat(again.token().id()).isEqualTo(first.token().id());
        assertThat(again.token().position()).isEqualTo(1);
    }

    @Test
    void find_answersOnlyTheOwner() {
        ConcertId concert = newConcert();
        QueueEntry entry = enter(concert, 1);

        assertThat(find(entry, NOW)).isEqualTo(entry.token());
        assertThat(store().find(entry.token().id(), new UserId(2), NOW)).isEmpty();
        assertThat(store().find(QueueTokenId.generate(concert, RANDOM), new UserId(1), NOW)).isEmpty();
    }

    @Test
    void admit_movesOneBatchInArrivalOrder_andPositionsMoveUp() {
        ConcertId concert = newConcert();
        List<QueueEntry> line = IntStream.rangeClosed(1, 5).mapToObj(u -> enter(concert, u)).toList();

        AdmissionResult result = store().admit(concert, POLICY, NOW);

        assertThat(result.admitted()).isEqualTo(2);
        assertThat(result.active()).isEqualTo(2);
        assertThat(result.waiting()).isEqualTo(3);
        assertThat(find(line.get(0), NOW).status()).isEqualTo(QueueStatus.ACTIVE);
        assertThat(find(line.get(0), NOW).activeUntil()).isEqualTo(NOW.plus(POLICY.activeTtl()));
        assertThat(find(line.get(1), NOW).status()).isEqualTo(QueueStatus.ACTIVE);
        assertThat(find(line.get(2), NOW).position()).isEqualTo(1);
        assertThat(find(line.get(4), NOW).position()).isEqualTo(3);
        assertThat(enter(concert, 1).token().status()).as("entering again while active").isEqualTo(QueueStatus.ACTIVE);
    }

    @Test
    void admit_neverFillsBeyondMaxActive() {
        ConcertId concert = newConcert();
        IntStream.rangeClosed(1, 10).forEach(u -> enter(concert, u));

        List<AdmissionResult> ticks = IntStream.range(0, 4).mapToObj(i -> store().admit(concert, POLICY, NOW)).toList();

        assertThat(ticks).extracting(AdmissionResult::admitted).containsExactly(2, 1, 0, 0);
        assertThat(ticks).extracting(AdmissionResult::active).containsOnly(2L, 3L);
        assertThat(ticks.getLast().waiting()).isEqualTo(7);
    }

    /** The store decides admission atomically; the policy states the rule, and every tick keeps it. */
    @Test
    void admit_admitsWhatThePolicySaysEveryTick() {
        ConcertId concert = newConcert();
        IntStream.rangeClosed(1, 10).forEach(u -> enter(concert, u));

        long active = 0;
        for (int tick = 0; tick < 4; tick++) {
            AdmissionResult result = store().admit(concert, POLICY, NOW);
            assertThat(result.admitted()).as("tick %d with %d inside", tick, active).isEqualTo(POLICY.slotsToFill(active));
            active = result.active();
        }
    }

    @Test
    void anActiveTokenEndsAfterItsTime_andItsSlotIsFilledAtTheNextTick() {
        ConcertId concert = newConcert();
        List<QueueEntry> line = IntStream.rangeClosed(1, 4).mapToObj(u -> enter(concert, u)).toList();
        store().admit(concert, POLICY, NOW);
        store().admit(concert, POLICY, NOW);
        Instant end = NOW.plus(POLICY.activeTtl());

        assertThat(find(line.get(0), end.minusMillis(1))).isNotNull();
        assertThat(find(line.get(0), end)).as("ended, even before a tick cleans it up").isNull();

        AdmissionResult afterEnd = store().admit(concert, POLICY, end);
        assertThat(afterEnd.expired()).isEqualTo(3);
        assertThat(afterEnd.admitted()).isEqualTo(1);
        assertThat(find(line.get(3), end).status()).isEqualTo(QueueStatus.ACTIVE);
        assertThat(enter(concert, 1).created()).as("an expired user starts over").isTrue();
    }

    @Test
    void leaving_endsTheToken_andEnteringAgainGoesToTheBackOfTheLine() {
        ConcertId concert = newConcert();
        QueueEntry first = enter(concert, 1);
        enter(concert, 2);

        assertThat(store().leave(first.token().id(), new UserId(1))).isTrue();

        assertThat(find(first, NOW)).isNull();
        assertThat(store().leave(first.token().id(), new UserId(1))).as("only once").isFalse();
        QueueEntry back = enter(concert, 1);
        assertThat(back.created()).isTrue();
        assertThat(back.token().id()).isNotEqualTo(first.token().id());
        assertThat(back.token().position()).isEqualTo(2);
    }

    @Test
    void onlyTheOwnerCanLeave() {
        ConcertId concert = newConcert();
        QueueEntry entry = enter(concert, 1);

        assertThat(store().leave(entry.token().id(), new UserId(2))).isFalse();
        assertThat(find(entry, NOW)).isNotNull();
    }

    @Test
    void completing_freesTheActiveSlotAtOnce() {
        ConcertId concert = newConcert();
        List<QueueEntry> line = IntStream.rangeClosed(1, 4).mapToObj(u -> enter(concert, u)).toList();
        store().admit(concert, POLICY, NOW);
        store().admit(concert, POLICY, NOW);

        store().complete(concert, new UserId(1));

        assertThat(find(line.get(0), NOW)).isNull();
        AdmissionResult next = store().admit(concert, POLICY, NOW);
        assertThat(next.admitted()).isEqualTo(1);
        assertThat(find(line.get(3), NOW).status()).isEqualTo(QueueStatus.ACTIVE);
    }

    @Test
    void anEmptyConcert_leavesTheListOfConcertsInLine() {
        ConcertId concert = newConcert();
        QueueEntry entry = enter(concert, 1);
        store().leave(entry.token().id(), new UserId(1));

        store().admit(concert, POLICY, NOW);

        assertThat(store().concertsInLine()).doesNotContain(concert);
    }

    @Test
    void theAdmissionRateIsMeasured_fromWhatTicksAdmit() {
        ConcertId concert = newConcert();
        IntStream.rangeClosed(1, 20).forEach(u -> enter(concert, u));
        AdmissionPolicy roomy = new AdmissionPolicy(Duration.ofSeconds(1), 5, 100, Duration.ofMinutes(10));

        for (int tick = 0; tick < 3; tick++) {
            store().admit(concert, roomy, NOW.plusSeconds(tick));
        }

        QueueEntry waiting = enter(concert, 20);
        assertThat(waiting.admissionRatePerSecond()).isPresent();
        assertThat(waiting.admissionRatePerSecond().getAsDouble()).isGreaterThan(0).isLessThanOrEqualTo(5.0);
    }

    @Test
    void aThousandDistinctUsersEnteringAtOnce_getPositionsOneToAThousand() throws Exception {
        ConcertId concert = newConcert();

        List<QueueEntry> entries = concurrently(1_000, user -> enter(concert, user + 1));

        assertThat(entries).extracting(e -> e.token().position())
                .containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, 1_000).boxed().toList());
        assertThat(entries).extracting(e -> e.token().id()).doesNotHaveDuplicates();
        assertThat(entries).allMatch(QueueEntry::created);
    }

    @Test
    void oneUserEnteringFiftyTimesAtOnce_getsOneToken() throws Exception {
        ConcertId concert = newConcert();
        enter(concert, 99);

        List<QueueEntry> entries = concurrently(50, attempt -> enter(concert, 1));

        assertThat(entries).extracting(e -> e.token().id()).containsOnly(entries.getFirst().token().id());
        assertThat(entries).filteredOn(QueueEntry::created).hasSize(1);
        assertThat(entries).extracting(e -> e.token().position()).containsOnly(2L);
    }

    @Test
    void severalAdmissionWorkersAtOnce_neverExceedMaxActive_andKeepArrivalOrder() throws Exception {
        ConcertId concert = newConcert();
        AdmissionPolicy policy = new AdmissionPolicy(Duration.ofMillis(200), 7, 50, Duration.ofMinutes(10));
        List<QueueEntry> line = new ArrayList<>();
        for (int user = 1; user <= 300; user++) {
            line.add(enter(concert, user));
        }
        ConcurrentLinkedQueue<AdmissionResult> results = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Integer> completed = new ConcurrentLinkedQueue<>();

        concurrently(8, worker -> {
            for (int tick = 0; tick < 25; tick++) {
                results.add(store().admit(concert, policy, NOW));
                // shoppers finish and free their slots while the workers admit
                int user = ThreadLocalRandom.current().nextInt(1, 301);
                QueueToken token = find(line.get(user - 1), NOW);
                if (token != null && token.isActive()) {
                    store().complete(concert, new UserId(user));
                    completed.add(user);
                }
            }
            return null;
        });

        assertThat(results).allSatisfy(r -> assertThat(r.active()).isLessThanOrEqualTo(50));
        long totalAdmitted = results.stream().mapToLong(AdmissionResult::admitted).sum();
        Set<Integer> everAdmitted = new HashSet<>(completed);
        int firstWaiting = 0;
        for (int user = 1; user <= 300; user++) {
            QueueToken token = find(line.get(user - 1), NOW);
            if (token != null && token.isActive()) {
                everAdmitted.add(user);
            } else if (token != null) {
                firstWaiting = firstWaiting == 0 ? user : firstWaiting;
            }
        }
        assertThat(everAdmitted).hasSize((int) totalAdmitted);
        int firstStillWaiting = firstWaiting;
        assertThat(everAdmitted).as("everybody admitted arrived before everybody still waiting")
                .allMatch(user -> firstStillWaiting == 0 || user < firstStillWaiting);
        assertThat(store().admit(concert, policy, NOW).active()).isLessThanOrEqualTo(50);
    }

    private QueueEntry enterAt(ConcertId concert, long user, Instant at) {
        return store().enter(concert, new UserId(user), QueueTokenId.generate(concert, RANDOM), at);
    }

    private static AdmissionPolicy admittingOnEntry(int batchSize, int maxActive) {
        return new AdmissionPolicy(Duration.ofSeconds(1), batchSize, maxActive, Duration.ofMinutes(10), true);
    }

    @Test
    void withoutAdmitOnEntry_anEntryWaitsForATickEvenWithRoomLeft() {
        ConcertId concert = newConcert();
        enter(concert, 1);
        store().admit(concert, new AdmissionPolicy(Duration.ofSeconds(1), 5, 100, Duration.ofMinutes(10)), NOW);

        QueueEntry second = enter(concert, 2);

        assertThat(second.token().status()).isEqualTo(QueueStatus.WAITING);
        assertThat(second.token().position()).isEqualTo(1);
    }

    @Test
    void admitOnEntry_theFirstEntryOfALineStillWaitsForItsFirstTick() {
        ConcertId concert = newConcert();

        QueueEntry first = enter(concert, 1);

        assertThat(first.token().status()).isEqualTo(QueueStatus.WAITING);
    }

    @Test
    void admitOnEntry_letsInAtOnceWhileNobodyWaits_withinTheRoomTheTickLeft() {
        ConcertId concert = newConcert();
        enter(concert, 1);
        // the tick lets user 1 in and leaves one place of its batch of two
        store().admit(concert, admittingOnEntry(2, 100), NOW);

        QueueEntry second = enterAt(concert, 2, NOW.plusMillis(10));
        QueueEntry third = enterAt(concert, 3, NOW.plusMillis(20));

        assertThat(second.created()).isTrue();
        assertThat(second.token().status()).isEqualTo(QueueStatus.ACTIVE);
        assertThat(second.token().activeUntil()).isEqualTo(NOW.plusMillis(10).plus(Duration.ofMinutes(10)));
        assertThat(find(second, NOW.plusMillis(30)).isActive()).isTrue();
        assertThat(third.token().status()).as("the room is used up").isEqualTo(QueueStatus.WAITING);
        assertThat(third.token().position()).isEqualTo(1);
        assertThat(store().concertsInLine()).contains(concert);
    }

    @Test
    void admitOnEntry_neverLetsAnEntryPassAnybodyWaiting() {
        ConcertId concert = newConcert();
        IntStream.rangeClosed(1, 3).forEach(u -> enter(concert, u));
        // two of three let in (max-active), room left in the batch, user 3 waits
        store().admit(concert, admittingOnEntry(5, 2), NOW);
        store().complete(concert, new UserId(1));

        QueueEntry late = enter(concert, 4);

        assertThat(late.token().status()).isEqualTo(QueueStatus.WAITING);
        assertThat(late.token().position()).isEqualTo(2);
    }

    @Test
    void admitOnEntry_neverAboveMaxActive() {
        ConcertId concert = newConcert();
        enter(concert, 1);
        store().admit(concert, admittingOnEntry(5, 2), NOW);

        QueueEntry second = enter(concert, 2);
        QueueEntry third = enter(concert, 3);

        assertThat(second.token().status()).isEqualTo(QueueStatus.ACTIVE);
        assertThat(third.token().status()).isEqualTo(QueueStatus.WAITING);
    }

    @Test
    void admitOnEntry_theRoomEndsWhenTheNextTickIsDue() {
        ConcertId concert = newConcert();
        enter(concert, 1);
        store().admit(concert, admittingOnEntry(5, 100), NOW);

        QueueEntry late = enterAt(concert, 2, NOW.plusSeconds(1));

        assertThat(late.token().status()).isEqualTo(QueueStatus.WAITING);
    }

    @Test
    void admitOnEntry_threeHundredEntriesAtOnce_takeExactlyTheRoom_andTheRestQueueInOrder() throws Exception {
        ConcertId concert = newConcert();
        enter(concert, 1);
        // one let in, 99 places of the batch left, far below max-active
        store().admit(concert, admittingOnEntry(100, 1_000), NOW);

        List<QueueEntry> entries = concurrently(300, user -> enter(concert, user + 2));

        assertThat(entries).filteredOn(e -> e.token().isActive()).hasSize(99);
        assertThat(entries).filteredOn(e -> !e.token().isActive()).extracting(e -> e.token().position())
                .containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, 201).boxed().toList());
        assertThat(entries).allMatch(QueueEntry::created);
        assertThat(entries).extracting(e -> e.token().id()).doesNotHaveDuplicates();
    }

    @Test
    void admitOnEntry_threeHundredEntriesAtOnce_neverTakeTheConcertAboveMaxActive() throws Exception {
        ConcertId concert = newConcert();
        enter(concert, 1);
        store().admit(concert, admittingOnEntry(100, 50), NOW);

        List<QueueEntry> entries = concurrently(300, user -> enter(concert, user + 2));

        assertThat(entries).filteredOn(e -> e.token().isActive()).hasSize(49);
        assertThat(store().admit(concert, admittingOnEntry(100, 50), NOW.plusSeconds(1)).active()).isEqualTo(50);
    }

    /** Runs {@code n} calls at once, all released by one latch, and returns their results in call order. */
    protected static <T> List<T> concurrently(int n, IndexedCall<T> call) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(Math.min(n, 64))) {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                Callable<T> task = () -> {
                    start.await();
                    return call.call(index);
                };
                futures.add(pool.submit(task));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        }
    }

    @FunctionalInterface
    protected interface IndexedCall<T> {
        T call(int index) throws Exception;
    }
}
