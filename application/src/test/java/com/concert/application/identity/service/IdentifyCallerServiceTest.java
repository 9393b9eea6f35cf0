package com.concert.application.identity.service;

import com.concert.application.fake.InMemoryUserRepository;
import com.concert.domain.shared.UserId;
import com.concert.domain.user.Subject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IdentifyCallerServiceTest {

    private final InMemoryUserRepository users = new InMemoryUserRepository();
    private final IdentifyCallerService service = new IdentifyCallerService(users);

    @Test
    void aSubjectSeenTwice_isOneUser() {
        UserId first = service.identify(new Subject("auth0|alice"));

        assertThat(service.identify(new Subject("auth0|alice"))).isEqualTo(first);
        assertThat(service.identify(new Subject("auth0|bob"))).isNotEqualTo(first);
        assertThat(users.size()).isEqualTo(2);
    }
}
