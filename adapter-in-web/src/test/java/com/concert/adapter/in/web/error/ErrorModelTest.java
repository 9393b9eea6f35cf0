package com.concert.adapter.in.web.error;

import com.concert.application.shared.DependencyUnavailableException;
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
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.options;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The error model on endpoints made for the purpose: the caller and its token, a dependency down, a bug. */
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

        @GetMapping({"/api/v1/points/probe", "/api/v1/admin/probe"})
        String guarded() {
            return "ok";
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
    void theCallerIsTheSubjectOfTheBearerToken_mappedToOneUserId() throws Exception {
        String first = mvc.perform(get("/probe/user").with(jwt().jwt(token -> token.subject("auth0|alice"))))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        mvc.perform(get("/probe/user").with(jwt().jwt(token -> token.subject("auth0|alice"))))
                .andExpect(content().string(first));
        mvc.perform(get("/probe/user").with(jwt().jwt(token -> token.subject("auth0|bob"))))
                .andExpect(content().string(not(first)));
    }

    @Test
    void noBearerToken_isUnauthenticated_withTheRfc6750Challenge() throws Exception {
        mvc.perform(get("/api/v1/points/probe").header("X-User-Id", "7"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", "Bearer realm=\"concert\""))
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.code").value("UNAUTHENTICATED"))
                .andExpect(jsonPath("$.type").value("about:blank"))
                .andExpect(jsonPath("$.status").value(401))
                .andExpect(jsonPath("$.instance").value("/api/v1/points/probe"));
    }

    @Test
    void aBearerTokenThatIsNotAJwtOrIsMalformed_isUnauthenticated_asAnInvalidToken() throws Exception {
        for (String authorization : new String[]{"Bearer not-a-jwt", "Bearer a.b.c", "Bearer ", "Bearer !!!"}) {
            mvc.perform(get("/api/v1/points/probe").header("Authorization", authorization))
                    .andExpect(status().isUnauthorized())
                    .andExpect(header().string("WWW-Authenticate", containsString("error=\"invalid_token\"")))
                    .andExpect(jsonPath("$.code").value("UNAUTHENTICATED"))
                    .andExpect(content().string(not(containsString("not-a-jwt"))));
        }
    }

    @Test
    void aTokenWithoutTheAdminScope_isForbiddenOnTheAdminApi() throws Exception {
        mvc.perform(get("/api/v1/admin/probe").with(jwt().jwt(token -> token.subject("fan"))))
                .andExpect(status().isForbidden())
                .andExpect(header().string("WWW-Authenticate", containsString("error=\"insufficient_scope\"")))
                .andExpect(jsonPath("$.code").value("FORBIDDEN"));
        mvc.perform(get("/api/v1/admin/probe")
                        .with(jwt().jwt(token -> token.subject("ops").claim("scope", "openid concert:admin"))))
                .andExpect(status().isOk());
    }

    @Test
    void aCrossOriginPreflight_isAnsweredByThePolicy_neverWithA5xx() throws Exception {
        mvc.perform(options("/api/v1/admin/probe").header("Origin", "https://evil.example")
                        .header("Access-Control-Request-Method", "POST"))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.code").value("FORBIDDEN"));
        mvc.perform(options("/api/v1/admin/probe").header("Origin", "https://shop.example")
                        .header("Access-Control-Request-Method", "POST")
                        .header("Access-Control-Request-Headers", "authorization,content-type"))
                .andExpect(status().isOk())
                .andExpect(header().string("Access-Control-Allow-Origin", "https://shop.example"));
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
        for (var code : ProblemCode.values()) {
            org.assertj.core.api.Assertions.assertThat(ErrorStatus.of(code)).as(code.name()).isNotNull();
        }
        for (var code : com.concert.domain.shared.ErrorCode.values()) {
            org.assertj.core.api.Assertions.assertThat(ProblemCode.of(code).name()).isEqualTo(code.name());
        }
    }
}
