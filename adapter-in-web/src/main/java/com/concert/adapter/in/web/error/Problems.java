package com.concert.adapter.in.web.error;

import com.concert.domain.shared.ErrorCode;
import com.concert.domain.shared.Violation;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import java.net.URI;
import java.util.List;
import java.util.Map;

/** Builds the RFC 9457 bodies of every error: status, title, detail, instance and our {@code code}. */
public final class Problems {

    /** Seconds a client should wait before retrying a request refused because a dependency is down. */
    public static final int RETRY_AFTER_UNAVAILABLE_SECONDS = 2;

    /** RFC 9457: the problem has no more semantics than its status code; {@code code} says the rest. */
    private static final URI ABOUT_BLANK = URI.create("about:blank");

    private Problems() {
    }

    public static ProblemDetail problem(ErrorCode code, String detail) {
        return problem(ProblemCode.of(code), detail);
    }

    public static ProblemDetail problem(ProblemCode code, String detail) {
        return problem(ErrorStatus.of(code), code, detail);
    }

    public static ProblemDetail problem(HttpStatusCode status, ProblemCode code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(ABOUT_BLANK);
        HttpStatus known = HttpStatus.resolve(status.value());
        problem.setTitle(known != null ? known.getReasonPhrase() : "Error");
        problem.setProperty("code", code.name());
        return problem;
    }

    public static ProblemDetail withViolations(ProblemDetail problem, List<Violation> violations) {
        problem.setProperty("errors", violations.stream()
                .map(v -> Map.of("field", v.field(), "message", v.message()))
                .toList());
        return problem;
    }

    public static ProblemDetail at(ProblemDetail problem, String path) {
        if (problem.getInstance() == null && path != null) {
            try {
                problem.setInstance(URI.create(path));
            } catch (IllegalArgumentException ignored) {
                // a path that is not a valid URI reference is left out rather than echoed
            }
        }
        return problem;
    }

    /** The response for a problem, with {@code Retry-After} when the client should come back later. */
    public static ResponseEntity<Object> respond(ProblemDetail problem, HttpHeaders headers) {
        HttpHeaders all = new HttpHeaders();
        if (headers != null) {
            all.addAll(headers);
        }
        if (problem.getStatus() == HttpStatus.SERVICE_UNAVAILABLE.value() && !all.containsHeader(HttpHeaders.RETRY_AFTER)) {
            all.set(HttpHeaders.RETRY_AFTER, Integer.toString(RETRY_AFTER_UNAVAILABLE_SECONDS));
        }
        // a preset content type skips content negotiation: a problem is problem+json whatever the client's Accept
        // header asks for (or fails to parse as)
        return ResponseEntity.status(problem.getStatus()).headers(all).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
