package com.concert.application.identity.service;

import com.concert.application.identity.port.in.IdentifyCallerUseCase;
import com.concert.domain.shared.UserId;
import com.concert.domain.user.Subject;
import com.concert.domain.user.UserRepository;

public final class IdentifyCallerService implements IdentifyCallerUseCase {

    private final UserRepository users;

    public IdentifyCallerService(UserRepository users) {
        this.users = users;
    }

    @Override
    public UserId identify(Subject subject) {
        return users.idOf(subject);
    }
}
