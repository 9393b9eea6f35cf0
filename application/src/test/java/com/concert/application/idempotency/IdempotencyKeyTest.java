package com.concert.application.idempotency;

import com.concert.domain.shared.ValidationFailedException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdempotencyKeyTest {

    @Test
    void anIdempotencyKeyIsShort_andAnswersOnlyTheRequestItFirstCameWith() {
        IdempotentOutcome outcome = new IdempotentOutcome("charge:50000", "50000");

        assertThat(outcome.resultFor("charge:50000")).isEqualTo("50000");
        assertThatThrownBy(() -> outcome.resultFor("charge:60000")).isInstanceOf(IdempotencyKeyReusedException.class);
        assertThat(new IdempotencyKey("abc-DEF_123").value()).isEqualTo("abc-DEF_123");
        assertThatThrownBy(() -> new IdempotencyKey("")).isInstanceOf(ValidationFailedException.class);
        assertThatThrownBy(() -> new IdempotencyKey("a".repeat(65))).isInstanceOf(ValidationFailedException.class);
        assertThatThrownBy(() -> new IdempotencyKey("no spaces")).isInstanceOf(ValidationFailedException.class);
    }
}
