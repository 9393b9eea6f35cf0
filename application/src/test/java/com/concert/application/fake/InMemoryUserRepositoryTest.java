package com.concert.application.fake;

import com.concert.application.contract.UserRepositoryContract;
import com.concert.domain.user.UserRepository;

class InMemoryUserRepositoryTest extends UserRepositoryContract {

    private final InMemoryUserRepository users = new InMemoryUserRepository();

    @Override
    protected UserRepository repository() {
        return users;
    }

    @Override
    protected long storedUsers() {
        return users.size();
    }
}
