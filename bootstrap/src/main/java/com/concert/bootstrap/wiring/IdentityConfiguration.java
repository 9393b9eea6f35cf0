package com.concert.bootstrap.wiring;

import com.concert.application.identity.port.in.IdentifyCallerUseCase;
import com.concert.application.identity.service.IdentifyCallerService;
import com.concert.domain.user.UserRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Who is calling: the subject of a verified bearer token, as one of the service's users. */
@Configuration(proxyBeanMethods = false)
class IdentityConfiguration {

    @Bean
    IdentifyCallerUseCase identifyCallerUseCase(UserRepository users) {
        return new IdentifyCallerService(users);
    }
}
