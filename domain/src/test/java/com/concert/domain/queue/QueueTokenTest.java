package com.concert.domain.queue;

import com.concert.domain.concert.ConcertId;
import com.concert.domain.shared.ErrorCode;
import com.concert.domain.shared.UserId;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QueueTokenTest {

    private static final ConcertId CONCERT = new ConcertId(42);
    private static final UserId USER = new UserId(7);
    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private static final QueueTokenId ID = QueueTokenId.generate(CONCERT, new SecureRandom());

    @Test
    void anActiveToken_expiresAtItsEnd_andAWaitingOneNever() {
        QueueToken active = QueueToken.active(ID, USER, NOW);

        assertThat(active.hasExpiredAt(NOW.minusMillis(1))).isFalse();
        assertThat(active.hasExpiredAt(NOW)).isTrue();
        assertThat(QueueToken.waiting(ID, USER, 1).hasExpiredAt(Instant.MAX)).isFalse();
    }

    @Test
    void theGate_letsInOnlyTheOwnersActiveTokenForItsConcert() {
        QueueToken active = QueueToken.active(ID, USER, NOW.plusSeconds(60));

        assertThatNoException().isThrownBy(() -> active.requireActiveFor(USER, CONCERT, NOW));
        assertThatThrownBy(() -> active.requireActiveFor(new UserId(8), CONCERT, NOW))
                .isInstanceOf(TokenInvalidException.class);
        assertThatThrownBy(() -> active.requireActiveFor(USER, new ConcertId(43), NOW))
                .isInstanceOf(TokenInvalidException.class);
        assertThatThrownBy(() -> active.requireActiveFor(USER, CONCERT, NOW.plusSeconds(60)))
                .isInstanceOf(TokenInvalidException.class);
        assertThatThrownBy(() -> QueueToken.waiting(ID, USER, 5).requireActiveFor(USER, CONCERT, NOW))
                .isInstanceOfSatisfying(TokenNotActiveException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.TOKEN_NOT_ACTIVE);
                    assertThat(e.getMessage()).contains("position 5");
                });
    }

    @Test
    void aTokensStateIsConsistent() {
        assertThatIllegalArgumentException().isThrownBy(() -> QueueToken.waiting(ID, USER, 0));
        assertThatIllegalArgumentException().isThrownBy(() ->
                new QueueToken(ID, CONCERT, USER, QueueStatus.ACTIVE, 3, NOW));
        assertThatIllegalArgumentException().as("a token names the concert it was issued for").isThrownBy(() ->
                new QueueToken(ID, new ConcertId(43), USER, QueueStatus.WAITING, 1, null));
    }
}
