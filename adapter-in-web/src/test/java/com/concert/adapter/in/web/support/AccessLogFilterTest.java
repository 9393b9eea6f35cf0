package com.concert.adapter.in.web.support;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
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
        request.addHeader("X-User-Id", "7");
        request.addHeader("X-Queue-Token", "q_SECRETSECRETSECRETSECRETSECRET00");
        request.addHeader("X-Admin-Key", "admin-secret");
        request.addHeader("Idempotency-Key", "key-secret");
        MockHttpServletResponse response = new MockHttpServletResponse();
        response.setStatus(201);

        new AccessLogFilter().doFilter(request, response, new MockFilterChain());

        assertThat(lines.list).singleElement().satisfies(line -> {
            assertThat(line.getFormattedMessage()).startsWith("POST /api/v1/payments?page=1 201 ").endsWith("user=7");
            assertThat(line.getFormattedMessage()).doesNotContain("SECRET", "secret");
        });
    }

    @Test
    void aHostileUserHeaderIsNotEchoed() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/points");
        request.addHeader("X-User-Id", "7\nforged log line");

        new AccessLogFilter().doFilter(request, new MockHttpServletResponse(), new MockFilterChain());

        assertThat(lines.list).singleElement().satisfies(line ->
                assertThat(line.getFormattedMessage()).endsWith("user=-").doesNotContain("forged"));
    }
}
