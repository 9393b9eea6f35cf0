package com.concert.bootstrap.e2e;

import com.concert.bootstrap.support.Api.Reply;
import com.concert.bootstrap.support.ServiceIT;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Without {@code concert.admin.api-key} the admin API does not exist, whatever key a caller sends. */
@TestPropertySource(properties = {"concert.admin.api-key=", "concert.redis.key-prefix=${it.redis.prefix}admin-off:"})
class AdminApiOffIT extends ServiceIT {

    @Test
    void theAdminApiAnswersNotFound() {
        Reply reply = api.post("/api/v1/admin/concerts", Map.of("title", "x")).admin(ADMIN_KEY).send();

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.code()).isEqualTo("NOT_FOUND");
        assertThat(api.get("/api/v1/concerts").send().status()).isEqualTo(200);
    }
}
