package com.concert.adapter.out.redis.connection;

import com.concert.testsupport.redis.RedisFixture;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LettuceRedisIT {

    private static RedisConnectionProperties propertiesFor(String host, int port) {
        return new RedisConnectionProperties(null, host, port, 0, null, null, Duration.ofSeconds(1),
                Duration.ofSeconds(1), new RedisConnectionProperties.Cluster(List.of()));
    }

    @Test
    void connectsToTheFixturesRedis_andReportsItHealthy() {
        RedisFixture fixture = RedisFixture.shared();
        try (LettuceRedis redis = LettuceRedis.connect(propertiesFor(fixture.host(), fixture.port()))) {
            String key = fixture.keyPrefix() + "connection-check";
            redis.commands().set(key, "ok");

            assertThat(redis.commands().get(key)).isEqualTo("ok");
            Health health = new RedisHealthIndicator(redis).health(true);
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsEntry("reply", "PONG");
            redis.commands().del(key);
        }
    }

    @Test
    void aRedisThatIsNotThere_stopsStartUpWithItsAddressInTheMessage() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        int port = closed;

        long started = System.nanoTime();
        assertThatThrownBy(() -> LettuceRedis.connect(propertiesFor("127.0.0.1", port)))
                .isInstanceOf(RedisUnreachableException.class)
                .hasMessageStartingWith("Redis at 127.0.0.1:" + port + " is not reachable");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    }
}
