package com.concert.adapter.in.web.error;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

import java.util.EnumMap;
import java.util.Map;

/**
 * {@code concert.refusals}: the problem bodies the API answered, by their {@code code}. Every
 * error body the application writes passes here on its way out, whether an exception handler, the security
 * filters (through the same handler) or the error controller made it; only what Tomcat refuses before the
 * application sees the request ({@link ProblemErrorReportValve}) is not counted. One counter a {@link ProblemCode},
 * all registered at start-up: the series are fixed, and a rate is right from the first refusal of a kind.
 */
@ControllerAdvice
public class RefusalMetrics implements ResponseBodyAdvice<Object> {

    private final Map<ProblemCode, Counter> counters = new EnumMap<>(ProblemCode.class);

    public RefusalMetrics(ObjectProvider<MeterRegistry> registry) {
        // web slices run without a registry: nothing to count there
        registry.ifAvailable(meters -> {
            for (ProblemCode code : ProblemCode.values()) {
                counters.put(code, Counter.builder("concert.refusals")
                        .tag("code", code.name())
                        .description("problem+json answers, by their code")
                        .register(meters));
            }
        });
    }

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return !counters.isEmpty();
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
                                  Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
                                  ServerHttpResponse response) {
        if (body instanceof ProblemDetail problem && problem.getProperties() != null
                && problem.getProperties().get("code") instanceof String name) {
            Counter counter = counters.get(codeOf(name));
            if (counter != null) {
                counter.increment();
            }
        }
        return body;
    }

    private static ProblemCode codeOf(String name) {
        try {
            return ProblemCode.valueOf(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
