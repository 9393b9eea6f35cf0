package com.concert.application.fake;

import com.concert.application.catalog.port.out.ConcertListing;
import com.concert.application.contract.ConcertRepositoryContract;
import com.concert.application.shared.TransactionRunner;
import com.concert.domain.concert.ConcertRepository;

/** The fake keeps the port's promises too, or service tests built on it would prove nothing. */
class InMemoryConcertRepositoryTest extends ConcertRepositoryContract {

    private final InMemoryConcertRepository repository = new InMemoryConcertRepository();
    private final DirectTransactionRunner transactions = new DirectTransactionRunner();

    @Override
    protected ConcertRepository repository() {
        return repository;
    }

    @Override
    protected ConcertListing listing() {
        return repository;
    }

    @Override
    protected TransactionRunner transactions() {
        return transactions;
    }
}
