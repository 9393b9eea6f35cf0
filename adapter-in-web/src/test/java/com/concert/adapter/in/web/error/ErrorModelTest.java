package com.concert.adapter.in.web.error;

import com.concert.domain.shared.DependencyUnavailableException;
import com.concert.domain.shared.UserId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.ConnectException;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The error model on endpoints made for the purpose: the caller header, a dependency down, a bug. */
// only the probe: the real controllers are left out of this slice
@WebMvcTest(ErrorModelTest.ProbeController.class)
@Import(ErrorModelTest.ProbeController.class)
class ErrorModelTest {

    @Autowired
    MockMvc mvc;

    @RestController
    static class ProbeController {

        @GetMapping("/probe/user")
        long user(UserId user) {
            return user.value();
        }

        @GetMapping("/probe/database-down")
        String databaseDown() {
            throw new DependencyUnavailableException("The database", new ConnectException("Connection refused"));
        }

        @GetMapping("/probe/bug")
        String bug() {
            throw new IllegalStateException("SELECT secret FROM wallet -- at com.concert.Internal");
        }
    }

    @Test
    void theCallerIsTheXUserIdHeader() throws Exception {
        mvc.perform(get("/probe/user").header("X-User-Id", "7"))
                .andExpect(status().isOk())
                .andExpect(content().string("7"));
    }

    @Test
    void aMissingOrBadXUserId_isUserIdMissing() throws Exception {
        for (String bad : new String[]{null, "", " ", "abc", "0", "-3", "1.5", "99999999999999999999", "7; DROP"}) {
            var request = get("/probe/user");
            if (bad != null) {
                request.header("X-User-Id", bad);
            }
            mvc.perform(request)
                    .andExpect(status().isUnauthorized())
                    .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                    .andExpect(jsonPath("$.code").value("USER_ID_MISSING"))
                    .andExpect(jsonPath("$.type").value("about:blank"))
                    .andExpect(jsonPath("$.status").value(401))
                    .andExpect(jsonPath("$.instance").value("/probe/user"));
        }
    }

    @Test
    void aDependencyThatIsDown_isServiceUnavailableWithRetryAfter() throws Exception {
        mvc.perform(get("/probe/database-down"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", String.valueOf(Problems.RETRY_AFTER_UNAVAILABLE_SECONDS)))
                .andExpect(jsonPath("$.code").value("SERVICE_UNAVAILABLE"))
                .andExpect(content().string(not(containsString("Connection refused"))));
    }

    @Test
    void aBug_isA500ThatRevealsNothing() throws Exception {
        mvc.perform(get("/probe/bug"))
                .andExpect(status().isInternalServerError())
                .andExpect(jsonPath("$.code").value("INTERNAL_ERROR"))
                .andExpect(jsonPath("$.detail").value("An unexpected error occurred"))
                .andExpect(content().string(not(containsString("SELECT"))))
                .andExpect(content().string(not(containsString("com.concert"))));
    }

    @Test
    void everyErrorCodeHasAStatus() {
        for (var code : com.concert.domain.shared.ErrorCode.values()) {
            org.assertj.core.api.Assertions.assertThat(ErrorStatus.of(code)).as(code.name()).isNotNull();
        }
    }
}
