package com.concert.adapter.in.web.support;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.concert.adapter.in.web.security.Callers;
import com.concert.domain.shared.UserId;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

class AccessLogFilterTest {

    private final Logger logger = (Logger) AccessLogFilter.ACCESS;
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();

    @BeforeEach
    void capture() {
        lines.start();
        logger.addAppender(lines);
        logger.setLevel(Level.INFO);
    }

    @AfterEach
    void release() {
        logger.detachAppender(lines);
        logger.setLevel(null);
    }

    @Test
    void aRequestIsLoggedWithoutAnyCredential() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/payments");
        request.setQueryString("page=1");
        request.addHeader("Authorization", "Bearer eyJSECRET.eyJSECRET.SECRET");
        request.addHeader("X-Queue-Token", "q_SECRETSECRETSECRETSECRETSECRET00");
        request.addHeader("Idempotency-Key", "key-secret");
        MockHttpServletResponse response = new MockHttpServletResponse();
        response.setStatus(201);

        new AccessLogFilter().doFilter(request, response, identifiedAs(new UserId(7)));

        assertThat(lines.list).singleElement().satisfies(line -> {
            assertThat(line.getFormattedMessage()).startsWith("POST /api/v1/payments?page=1 201 ").endsWith("user=7");
            assertThat(line.getFormattedMessage()).doesNotContain("SECRET", "secret");
        });
    }

    /** What the security chain leaves on a request once its token named a user. */
    private static MockFilterChain identifiedAs(UserId user) {
        Callers callers = new Callers(subject -> user);
        return new MockFilterChain(new HttpServlet() {
        }, (request, response, chain) -> {
            SecurityContextHolder.getContext().setAuthentication(new JwtAuthenticationToken(Jwt.withTokenValue("t")
                    .header("alg", "RS256").subject("auth0|someone").build()));
            try {
                callers.current((HttpServletRequest) request);
            } finally {
                SecurityContextHolder.clearContext();
            }
        });
    }

    @Test
    void anUnidentifiedRequestLogsNoUser_andAHeaderNamingOneIsIgnored() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/points");
        request.addHeader("X-User-Id", "7\nforged log line");

        new AccessLogFilter().doFilter(request, new MockHttpServletResponse(), new MockFilterChain());

        assertThat(lines.list).singleElement().satisfies(line ->
                assertThat(line.getFormattedMessage()).endsWith("user=-").doesNotContain("forged"));
    }
}
