package com.concert.bootstrap.wiring;

import com.concert.adapter.in.web.security.SecuritySettings;
import com.concert.application.port.in.IdentifyCallerUseCase;
import com.concert.application.service.IdentifyCallerService;
import com.concert.bootstrap.config.ConcertProperties;
import com.concert.domain.user.UserRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Who is calling: the subject of a verified bearer token, as one of the service's users. */
@Configuration(proxyBeanMethods = false)
class CallerConfiguration {

    @Bean
    IdentifyCallerUseCase identifyCallerUseCase(UserRepository users) {
        return new IdentifyCallerService(users);
    }

    @Bean
    SecuritySettings securitySettings(ConcertProperties properties) {
        ConcertProperties.Security security = properties.security();
        return new SecuritySettings(security.allowedOrigins(), security.verifiedTokens(), security.keepVerifiedFor());
    }
}
