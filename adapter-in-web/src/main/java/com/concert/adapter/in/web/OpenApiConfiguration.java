package com.concert.adapter.in.web;

import com.concert.adapter.in.web.security.SecurityConfiguration;
import com.concert.domain.shared.UserId;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Arrays;
import java.util.List;

/** The generated OpenAPI description: the bearer token where a user or operator acts, and the error model in words. */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

    static {
        // the caller comes from the bearer token, documented below, not from a request parameter
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(UserId.class);
    }

    static final String BEARER = "bearer";

    @Bean
    OpenAPI concertServiceApi() {
        return new OpenAPI()
                .components(new Components().addSecuritySchemes(BEARER, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                        .description("An OAuth 2.0 access token from the identity provider the service trusts; the "
                                + "caller is its subject. Missing, malformed, badly signed, expired or from another "
                                + "issuer: 401 UNAUTHENTICATED with WWW-Authenticate. The operator API needs the scope "
                                + SecurityConfiguration.ADMIN_SCOPE + " (else 403 FORBIDDEN).")))
                .info(new Info()
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
    OperationCustomizer bearerToken() {
        return (operation, handler) -> {
            boolean actsAsCaller = Arrays.stream(handler.getMethodParameters())
                    .anyMatch(p -> p.getParameterType() == UserId.class)
                    || handler.getBeanType().getPackageName().endsWith(".admin");
            if (actsAsCaller) {
                operation.setSecurity(List.of(new SecurityRequirement().addList(BEARER)));
            }
            return operation;
        };
    }
}
