package com.concert.domain.queue;

import com.concert.domain.concert.ConcertId;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class QueueTokenIdTest {

    @Test
    void aGeneratedToken_isUrlSafe_andNamesItsConcert() {
        QueueTokenId token = QueueTokenId.generate(new ConcertId(42), new SecureRandom());

        assertThat(token.value()).startsWith("q_").hasSize(34).matches("q_[A-Za-z0-9_-]{32}");
        assertThat(token.concertId()).isEqualTo(new ConcertId(42));
        assertThat(QueueTokenId.parse(token.value())).contains(token);
    }

    @Test
    void tokensDoNotRepeat() {
        SplittableRandom random = new SplittableRandom(7);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            seen.add(QueueTokenId.generate(new ConcertId(1), random).value());
        }
        assertThat(seen).hasSize(10_000);
    }

    @Test
    void anythingThatIsNotAToken_parsesToNothing() {
        String valid = QueueTokenId.generate(new ConcertId(3), new SecureRandom()).value();

        assertThat(QueueTokenId.parse(null)).isEmpty();
        assertThat(QueueTokenId.parse("")).isEmpty();
        assertThat(QueueTokenId.parse("q_short")).isEmpty();
        assertThat(QueueTokenId.parse(valid + "x")).isEmpty();
        assertThat(QueueTokenId.parse("x" + valid.substring(1))).isEmpty();
        assertThat(QueueTokenId.parse(valid.substring(0, 33) + "!")).isEmpty();
        assertThat(QueueTokenId.parse("q_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")).as("concert 0").isEmpty();
    }

    @Test
    void logsNeverShowAWholeToken() {
        QueueTokenId token = QueueTokenId.generate(new ConcertId(3), new SecureRandom());

        assertThat(token.toString()).hasSize(11).doesNotContain(token.value().substring(8));
    }
}
