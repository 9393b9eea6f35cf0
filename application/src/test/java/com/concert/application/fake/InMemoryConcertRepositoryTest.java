package com.concert.application.fake;

import com.concert.domain.concert.ConcertRepository;
import com.concert.domain.concert.ConcertRepositoryContract;
import com.concert.domain.shared.TransactionRunner;

/** The fake keeps the port's promises too, or service tests built on it would prove nothing. */
class InMemoryConcertRepositoryTest extends ConcertRepositoryContract {

    private final InMemoryConcertRepository repository = new InMemoryConcertRepository();
    private final DirectTransactionRunner transactions = new DirectTransactionRunner();

    @Override
    protected ConcertRepository repository() {
        return repository;
    }

    @Override
    protected TransactionRunner transactions() {
        return transactions;
    }
}
