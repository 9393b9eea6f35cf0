package com.concert.adapter.in.web.error;

import com.concert.adapter.in.web.support.RequestBodyLimitFilter.BodyTooLargeException;
import com.concert.adapter.in.web.support.RequestRejectedException;
import com.concert.application.ratelimit.port.in.RateLimitedException;
import com.concert.application.shared.DependencyUnavailableException;
import com.concert.domain.shared.DomainException;
import com.concert.domain.shared.ValidationFailedException;
import com.concert.domain.shared.Violation;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingPathVariableException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The whole API's error mapping: every refusal becomes an RFC 9457 {@code application/problem+json} body
 * with a {@code code} member. Client mistakes are 4xx with a message that names what to fix; internals
 * (SQL, class names, stack traces) never reach the client.
 */
@RestControllerAdvice
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    /** One line per dependency every 10 s while it is down, however many requests it refuses. */
    private final ThrottledLog refusals = new ThrottledLog(log, Duration.ofSeconds(10), System::nanoTime);

    @ExceptionHandler(ValidationFailedException.class)
    ResponseEntity<Object> validationFailed(ValidationFailedException e, HttpServletRequest request) {
        return respond(Problems.withViolations(Problems.problem(e.code(), e.getMessage()), e.violations()), request);
    }

    @ExceptionHandler(DependencyUnavailableException.class)
    ResponseEntity<Object> dependencyUnavailable(DependencyUnavailableException e, HttpServletRequest request) {
        refusals.warn(e.dependency(), request.getMethod() + " " + request.getRequestURI() + " refused: " + e.getMessage()
                + " (" + (e.getCause() == null ? "no cause" : e.getCause().toString()) + ")");
        return respond(Problems.problem(e.code(), e.getMessage()), request);
    }

    @ExceptionHandler(RateLimitedException.class)
    ResponseEntity<Object> rateLimited(RateLimitedException e, HttpServletRequest request) {
        HttpHeaders headers = new HttpHeaders();
        long seconds = Math.max(1, (e.retryAfter().toMillis() + 999) / 1000);
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        return Problems.respond(at(Problems.problem(e.code(), e.getMessage()), request), headers);
    }

    @ExceptionHandler(RequestRejectedException.class)
    ResponseEntity<Object> rejected(RequestRejectedException e, HttpServletRequest request) {
        return respond(Problems.problem(e.code(), e.getMessage()), request);
    }

    @ExceptionHandler(DomainException.class)
    ResponseEntity<Object> domain(DomainException e, HttpServletRequest request) {
        return respond(Problems.problem(e.code(), e.getMessage()), request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e, HttpServletRequest request) {
        BodyTooLargeException tooLarge = causeOf(e, BodyTooLargeException.class);
        if (tooLarge != null) {
            return respond(Problems.problem(ProblemCode.PAYLOAD_TOO_LARGE, tooLarge.getMessage()), request);
        }
        log.error("{} {} failed unexpectedly", request.getMethod(), request.getRequestURI(), e);
        return respond(Problems.problem(ProblemCode.INTERNAL_ERROR, "An unexpected error occurred"), request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        BodyTooLargeException tooLarge = causeOf(e, BodyTooLargeException.class);
        if (tooLarge != null) {
            return respond(Problems.problem(ProblemCode.PAYLOAD_TOO_LARGE, tooLarge.getMessage()), request);
        }
        JacksonException json = causeOf(e, JacksonException.class);
        if (json != null && !json.getPath().isEmpty() && isTypeMismatch(json)) {
            Violation violation = new Violation(pathOf(json), describeMismatch(json));
            return respond(Problems.withViolations(Problems.problem(ProblemCode.VALIDATION_FAILED,
                    violation.field() + ": " + violation.message()), List.of(violation)), request);
        }
        String detail = json == null && e.getMessage() != null && e.getMessage().startsWith("Required request body")
                ? "The request body is missing"
                : "The request body is not valid JSON";
        return respond(Problems.problem(ProblemCode.MALFORMED_REQUEST, detail), request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        List<Violation> violations = new ArrayList<>();
        for (FieldError error : e.getBindingResult().getFieldErrors()) {
            violations.add(new Violation(error.getField(), messageOf(error)));
        }
        e.getBindingResult().getGlobalErrors()
                .forEach(error -> violations.add(new Violation(error.getObjectName(), messageOf(error))));
        return validationProblem(violations, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
                                                                            HttpHeaders headers,
                                                                            HttpStatusCode status,
                                                                            WebRequest request) {
        List<Violation> violations = new ArrayList<>();
        e.getParameterValidationResults().forEach(result -> {
            String name = result.getMethodParameter().getParameterName();
            result.getResolvableErrors().forEach(error ->
                    violations.add(new Violation(name == null ? "parameter" : name, messageOf(error))));
        });
        return validationProblem(violations, request);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers,
                                                        HttpStatusCode status, WebRequest request) {
        String name = e instanceof MethodArgumentTypeMismatchException m ? m.getName() : e.getPropertyName();
        String expected = e.getRequiredType() == null ? "a different type" : describe(e.getRequiredType());
        return validationProblem(List.of(new Violation(name == null ? "parameter" : name, "must be " + expected)),
                request);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
                                                                          HttpHeaders headers,
                                                                          HttpStatusCode status,
                                                                          WebRequest request) {
        return validationProblem(List.of(new Violation(e.getParameterName(), "is required")), request);
    }

    @Override
    protected ResponseEntity<Object> handleMissingPathVariable(MissingPathVariableException e, HttpHeaders headers,
                                                               HttpStatusCode status, WebRequest request) {
        return validationProblem(List.of(new Violation(e.getVariableName(), "is required")), request);
    }

    @Override
    protected ResponseEntity<Object> handleServletRequestBindingException(
            org.springframework.web.bind.ServletRequestBindingException e, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        if (e instanceof MissingRequestHeaderException missing) {
            return validationProblem(List.of(new Violation(missing.getHeaderName(), "header is required")), request);
        }
        return respond(Problems.problem(ProblemCode.MALFORMED_REQUEST, "The request cannot be read"), request);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        ProblemCode code = switch (e) {
            case NoResourceFoundException ignored -> ProblemCode.NOT_FOUND;
            case NoHandlerFoundException ignored -> ProblemCode.NOT_FOUND;
            case HttpRequestMethodNotSupportedException ignored -> ProblemCode.METHOD_NOT_ALLOWED;
            case HttpMediaTypeNotSupportedException ignored -> ProblemCode.UNSUPPORTED_MEDIA_TYPE;
            case HttpMediaTypeNotAcceptableException ignored -> ProblemCode.NOT_ACCEPTABLE;
            default -> ErrorStatus.codeFor(status.value());
        };
        String detail = switch (code) {
            case NOT_FOUND -> "No resource at this path";
            case METHOD_NOT_ALLOWED -> "This path does not support " + methodOf(request);
            case UNSUPPORTED_MEDIA_TYPE -> "The request body must be application/json";
            case NOT_ACCEPTABLE -> "The response can only be application/json or application/problem+json";
            default -> e instanceof ErrorResponse response && response.getBody().getDetail() != null
                    ? response.getBody().getDetail()
                    : HttpStatus.valueOf(status.value()).getReasonPhrase();
        };
        if (status.is5xxServerError()) {
            log.error("request failed", e);
        }
        return Problems.respond(at(Problems.problem(status, code, detail), request), headers);
    }

    private ResponseEntity<Object> validationProblem(List<Violation> violations, Object request) {
        String detail = violations.stream().map(v -> v.field() + ": " + v.message())
                .reduce((a, b) -> a + "; " + b).orElse("The request is not valid");
        return respond(Problems.withViolations(Problems.problem(ProblemCode.VALIDATION_FAILED, detail), violations),
                request);
    }

    private static ResponseEntity<Object> respond(ProblemDetail problem, Object request) {
        return Problems.respond(at(problem, request), null);
    }

    private static ProblemDetail at(ProblemDetail problem, Object request) {
        String path = switch (request) {
            case HttpServletRequest servlet -> servlet.getRequestURI();
            case ServletWebRequest web -> web.getRequest().getRequestURI();
            default -> null;
        };
        return Problems.at(problem, path);
    }

    private static String methodOf(WebRequest request) {
        return request instanceof ServletWebRequest web ? web.getRequest().getMethod() : "this method";
    }

    private static String messageOf(MessageSourceResolvable error) {
        return error.getDefaultMessage() == null ? "is not valid" : error.getDefaultMessage();
    }

    private static boolean isTypeMismatch(JacksonException json) {
        return json instanceof MismatchedInputException || json instanceof InputCoercionException
                || !(json instanceof StreamReadException);
    }

    /** {@code schedules[0].sections[1].price}, as the client wrote it. */
    private static String pathOf(JacksonException json) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : json.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    private static String describeMismatch(JacksonException json) {
        if (json instanceof InvalidNullException) {
            return "must not be null";
        }
        if (json instanceof InputCoercionException) {
            return "is out of range";
        }
        if (json instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return "must be " + describe(mismatch.getTargetType());
        }
        return "has the wrong type";
    }

    private static String describe(Class<?> type) {
        if (type == Long.class || type == long.class || type == Integer.class || type == int.class
                || type == Short.class || type == short.class) {
            return "a whole number in range";
        }
        if (type == Instant.class) {
            return "an ISO-8601 instant such as 2026-12-24T19:00:00Z";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (type.isEnum()) {
            return "one of " + List.of(type.getEnumConstants());
        }
        return "an object";
    }

    private static <T extends Throwable> T causeOf(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
