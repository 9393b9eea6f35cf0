package com.concert.adapter.in.web;

import com.concert.adapter.in.web.support.Headers;
import com.concert.domain.shared.UserId;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.math.BigDecimal;
import java.util.Arrays;

/** The generated OpenAPI description: the caller header where a user acts, and the error model in words. */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

    static {
        // the caller arrives as a header, documented below, not as a request parameter
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(UserId.class);
    }

    @Bean
    OpenAPI concertServiceApi() {
        return new OpenAPI().info(new Info()
                .title("Concert reservation service")
                .version("v1")
                .description("""
                        A waiting queue per concert, seat holds that expire, points and payments.

                        Every error is RFC 9457 application/problem+json with a `code` member \
                        (VALIDATION_FAILED, TOKEN_NOT_ACTIVE, SEAT_UNAVAILABLE, ...); validation errors name \
                        each field in `errors`. A dependency that is down answers 503 SERVICE_UNAVAILABLE \
                        with Retry-After. Request bodies are at most 64 KiB."""));
    }

    @Bean
    OperationCustomizer callerHeader() {
        return (operation, handler) -> {
            boolean actsAsUser = Arrays.stream(handler.getMethodParameters())
                    .anyMatch(p -> p.getParameterType() == UserId.class);
            if (actsAsUser) {
                operation.addParametersItem(new HeaderParameter()
                        .name(Headers.USER_ID)
                        .required(true)
                        .description("the caller, as asserted by the gateway; missing or not a positive integer: "
                                + "401 USER_ID_MISSING")
                        .schema(new IntegerSchema().format("int64").minimum(BigDecimal.ONE)));
            }
            return operation;
        };
    }
}
