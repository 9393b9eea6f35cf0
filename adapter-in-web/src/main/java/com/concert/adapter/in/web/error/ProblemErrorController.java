package com.concert.adapter.in.web.error;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Answers what fails before Spring MVC's handlers (a filter refusing a body, the container refusing a
 * request) with the same problem+json as every other error, instead of the default error page. Asked for
 * directly ({@code GET /error}), it is a path like any other with nothing behind it: 404.
 */
@Hidden
@RestController
public class ProblemErrorController implements ErrorController {

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<Object> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (code == null && request.getDispatcherType() != DispatcherType.ERROR) {
            // called directly, not forwarded to by the container: there is nothing here
            ProblemDetail notFound = Problems.problem(HttpStatus.NOT_FOUND, ProblemCode.NOT_FOUND, "No resource at this path");
            return Problems.respond(Problems.at(notFound, request.getRequestURI()), null);
        }
        int status = code instanceof Integer value ? value : HttpStatus.INTERNAL_SERVER_ERROR.value();
        HttpStatus known = HttpStatus.resolve(status);
        if (known == null || !known.isError()) {
            known = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        ProblemCode errorCode = ErrorStatus.codeFor(known.value());
        Object message = request.getAttribute(RequestDispatcher.ERROR_MESSAGE);
        String detail = known.is4xxClientError() && message instanceof String text && !text.isBlank()
                ? text
                : known.getReasonPhrase();
        ProblemDetail problem = Problems.problem(known, errorCode, detail);
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        return Problems.respond(Problems.at(problem, uri instanceof String path ? path : null), null);
    }
}
