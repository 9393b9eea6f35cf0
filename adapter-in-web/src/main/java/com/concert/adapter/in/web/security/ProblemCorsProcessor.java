package com.concert.adapter.in.web.security;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.cors.DefaultCorsProcessor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Spring's CORS checks, with a refusal (an origin, method or header that is not allowed) answered as
 * {@code 403 FORBIDDEN} problem+json like every other error, instead of a plain-text body.
 */
final class ProblemCorsProcessor extends DefaultCorsProcessor {

    private static final byte[] BODY = ("{\"type\":\"about:blank\",\"title\":\"Forbidden\",\"status\":403,"
            + "\"detail\":\"This cross-origin request is not allowed\",\"code\":\"FORBIDDEN\"}")
            .getBytes(StandardCharsets.UTF_8);

    @Override
    protected void rejectRequest(ServerHttpResponse response) throws IOException {
        response.setStatusCode(HttpStatus.FORBIDDEN);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        response.getHeaders().setContentLength(BODY.length);
        response.getHeaders().set(HttpHeaders.CACHE_CONTROL, "no-store");
        response.getBody().write(BODY);
        response.flush();
    }
}
