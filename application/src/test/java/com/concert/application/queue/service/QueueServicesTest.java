package com.concert.application.queue.service;

import com.concert.application.catalog.service.ConcertLookup;
import com.concert.application.fake.InMemoryConcertCatalog;
import com.concert.application.fake.InMemoryConcertRepository;
import com.concert.application.fake.InMemoryQueueStore;
import com.concert.application.queue.port.in.EnterQueueCommand;
import com.concert.application.queue.port.in.QueueTicket;
import com.concert.application.queue.port.in.QueueTokenQuery;
import com.concert.domain.concert.Concert;
import com.concert.domain.concert.ConcertId;
import com.concert.domain.concert.ConcertNotAvailableException;
import com.concert.domain.concert.ConcertNotFoundException;
import com.concert.domain.queue.AdmissionPolicy;
import com.concert.domain.queue.AdmissionResult;
import com.concert.domain.queue.QueueStatus;
import com.concert.domain.queue.TokenInvalidException;
import com.concert.domain.queue.TokenMissingException;
import com.concert.domain.shared.UserId;
import com.concert.domain.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static com.concert.domain.testing.ConcertFixture.concert;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QueueServicesTest {

    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private static final Duration DAY = Duration.ofDays(1);
    private static final AdmissionPolicy POLICY =
            new AdmissionPolicy(Duration.ofMillis(200), 2, 3, Duration.ofSeconds(3));
    private static final UserId ALICE = new UserId(1);
    private static final UserId BOB = new UserId(2);

    private final MutableClock clock = new MutableClock(NOW);
    private final InMemoryConcertRepository concerts = new InMemoryConcertRepository();
    private final InMemoryQueueStore queue = new InMemoryQueueStore();
    private final List<AdmissionResult> recorded = new ArrayList<>();
    private final ConcertLookup lookup = new ConcertLookup(new InMemoryConcertCatalog(concerts));
    private final QueueGate gate = new QueueGate(queue, clock);
    private final EnterQueueService enter = new EnterQueueService(lookup, queue, POLICY, new SecureRandom(), clock);
    private final GetQueueStatusService status = new GetQueueStatusService(gate, POLICY);
    private final LeaveQueueService leave = new LeaveQueueService(gate, queue);
    private final AdmitWaitingUsersService admit =
            new AdmitWaitingUsersService(queue, recorded::addAll, POLICY, clock);

    private final Concert open = concerts.create(concert().schedule(NOW.plus(DAY), NOW.minus(DAY), 50).build());

    @Test
    void enter_givesAWaitingTicketWithAnEstimate_andTheSameOneAgain() {
        QueueTicket first = enter.enter(new EnterQueueCommand(open.id(), ALICE));
        QueueTicket again = enter.enter(new EnterQueueCommand(open.id(), ALICE));

        assertThat(first.created()).isTrue();
        assertThat(first.token().status()).isEqualTo(QueueStatus.WAITING);
        assertThat(first.token().position()).isEqualTo(1);
        assertThat(first.estimatedWaitSeconds()).as("one user at 10/s, rounded up").isEqualTo(1);
        assertThat(again.created()).isFalse();
        assertThat(again.token().id()).isEqualTo(first.token().id());
    }

    @Test
    void enter_refusesAnUnknownConcert_andOneThatCannotBeBookedNow() {
        Concert later = concerts.create(concert().schedule(NOW.plus(DAY.multipliedBy(40)), NOW.plus(DAY), 5).build());

        assertThatThrownBy(() -> enter.enter(new EnterQueueCommand(new ConcertId(999), ALICE)))
                .isInstanceOf(ConcertNotFoundException.class);
        assertThatThrownBy(() -> enter.enter(new EnterQueueCommand(later.id(), ALICE)))
                .isInstanceOf(ConcertNotAvailableException.class);
        assertThat(queue.concertsInLine()).isEmpty();
    }

    @Test
    void status_followsAdmission_andOnlyTheOwnerMayAsk() {
        QueueTicket ticket = enter.enter(new EnterQueueCommand(open.id(), ALICE));
        String token = ticket.token().id().value();

        admit.admitWaitingUsers();
        QueueTicket active = status.status(new QueueTokenQuery(token, ALICE));

        assertThat(active.token().status()).isEqualTo(QueueStatus.ACTIVE);
        assertThat(active.token().activeUntil()).isEqualTo(NOW.plus(POLICY.activeTtl()));
        assertThat(active.estimatedWaitSeconds()).isZero();
        assertThatThrownBy(() -> status.status(new QueueTokenQuery(token, BOB))).isInstanceOf(TokenInvalidException.class);
        assertThatThrownBy(() -> status.status(new QueueTokenQuery(null, ALICE))).isInstanceOf(TokenMissingException.class);
        assertThatThrownBy(() -> status.status(new QueueTokenQuery("  ", ALICE))).isInstanceOf(TokenMissingException.class);
        assertThatThrownBy(() -> status.status(new QueueTokenQuery("garbage", ALICE))).isInstanceOf(TokenInvalidException.class);
    }

    @Test
    void anActiveTokenRunsOut_andIsInvalidAfterwards() {
        String token = enter.enter(new EnterQueueCommand(open.id(), ALICE)).token().id().value();
        admit.admitWaitingUsers();

        clock.advance(POLICY.activeTtl());

        assertThatThrownBy(() -> status.status(new QueueTokenQuery(token, ALICE))).isInstanceOf(TokenInvalidException.class);
    }

    @Test
    void leaving_makesTheTokenInvalid_andCannotBeDoneTwice() {
        String token = enter.enter(new EnterQueueCommand(open.id(), ALICE)).token().id().value();

        leave.leave(new QueueTokenQuery(token, ALICE));

        assertThatThrownBy(() -> status.status(new QueueTokenQuery(token, ALICE))).isInstanceOf(TokenInvalidException.class);
        assertThatThrownBy(() -> leave.leave(new QueueTokenQuery(token, ALICE))).isInstanceOf(TokenInvalidException.class);
    }

    @Test
    void nobodyButTheOwnerCanLeave() {
        String token = enter.enter(new EnterQueueCommand(open.id(), ALICE)).token().id().value();

        assertThatThrownBy(() -> leave.leave(new QueueTokenQuery(token, BOB))).isInstanceOf(TokenInvalidException.class);
        assertThat(status.status(new QueueTokenQuery(token, ALICE)).token().status()).isEqualTo(QueueStatus.WAITING);
    }

    @Test
    void admission_visitsEveryConcertInLine_andRecordsWhatItDid() {
        Concert other = concerts.create(concert().schedule(NOW.plus(DAY), NOW.minus(DAY), 5).build());
        for (long user = 1; user <= 5; user++) {
            enter.enter(new EnterQueueCommand(open.id(), new UserId(user)));
        }
        enter.enter(new EnterQueueCommand(other.id(), ALICE));

        List<AdmissionResult> results = admit.admitWaitingUsers();

        assertThat(results).extracting(AdmissionResult::concertId).containsExactlyInAnyOrder(open.id(), other.id());
        assertThat(results).filteredOn(r -> r.concertId().equals(open.id()))
                .singleElement().satisfies(r -> {
                    assertThat(r.admitted()).isEqualTo(2);
                    assertThat(r.waiting()).isEqualTo(3);
                });
        assertThat(recorded).containsExactlyInAnyOrderElementsOf(results);
    }

    @Test
    void aTickWithNobodyInLine_admitsAndRecordsNothing() {
        assertThat(admit.admitWaitingUsers()).isEmpty();
        assertThat(recorded).isEmpty();
    }

    @Test
    void admission_dropsSlotsThatRanOut_letsTheNextIn_andRecordsBoth() {
        for (long user = 1; user <= 4; user++) {
            enter.enter(new EnterQueueCommand(open.id(), new UserId(user)));
        }
        admit.admitWaitingUsers();
        clock.advance(POLICY.activeTtl());

        AdmissionResult tick = admit.admitWaitingUsers().getFirst();

        assertThat(tick.expired()).isEqualTo(2);
        assertThat(tick.admitted()).isEqualTo(2);
        assertThat(tick.waiting()).isZero();
        assertThat(recorded).hasSize(2).last().isEqualTo(tick);
    }

    @Test
    void leavingAnActiveSlot_letsTheNextInLineIn_atTheNextTick() {
        List<String> tokens = new ArrayList<>();
        for (long user = 1; user <= 4; user++) {
            tokens.add(enter.enter(new EnterQueueCommand(open.id(), new UserId(user))).token().id().value());
        }
        admit.admitWaitingUsers();
        admit.admitWaitingUsers();
        assertThat(admit.admitWaitingUsers().getFirst().admitted()).as("all three slots are taken").isZero();

        leave.leave(new QueueTokenQuery(tokens.getFirst(), ALICE));
        AdmissionResult tick = admit.admitWaitingUsers().getFirst();

        assertThat(tick.admitted()).isEqualTo(1);
        assertThat(status.status(new QueueTokenQuery(tokens.getLast(), new UserId(4))).token().status())
                .isEqualTo(QueueStatus.ACTIVE);
    }

    @Test
    void enteringAgainWhileActive_answersTheActiveToken() {
        QueueTicket first = enter.enter(new EnterQueueCommand(open.id(), ALICE));
        admit.admitWaitingUsers();

        QueueTicket again = enter.enter(new EnterQueueCommand(open.id(), ALICE));

        assertThat(again.created()).isFalse();
        assertThat(again.token().id()).isEqualTo(first.token().id());
        assertThat(again.token().status()).isEqualTo(QueueStatus.ACTIVE);
    }

    @Test
    void aSlotThatRanOut_cannotBeLeft_andItsUserEntersAgainAtTheBackOfTheLine() {
        String token = enter.enter(new EnterQueueCommand(open.id(), ALICE)).token().id().value();
        admit.admitWaitingUsers();
        enter.enter(new EnterQueueCommand(open.id(), BOB));
        clock.advance(POLICY.activeTtl());

        assertThatThrownBy(() -> leave.leave(new QueueTokenQuery(token, ALICE))).isInstanceOf(TokenInvalidException.class);
        QueueTicket again = enter.enter(new EnterQueueCommand(open.id(), ALICE));

        assertThat(again.created()).isTrue();
        assertThat(again.token().id().value()).isNotEqualTo(token);
        assertThat(again.token().status()).isEqualTo(QueueStatus.WAITING);
        assertThat(again.token().position()).as("behind Bob").isEqualTo(2);
    }

    @Test
    void leavingALine_movesThoseBehindUp() {
        String alices = enter.enter(new EnterQueueCommand(open.id(), ALICE)).token().id().value();
        String bobs = enter.enter(new EnterQueueCommand(open.id(), BOB)).token().id().value();

        leave.leave(new QueueTokenQuery(alices, ALICE));

        assertThat(status.status(new QueueTokenQuery(bobs, BOB)).token().position()).isEqualTo(1);
    }
}
