package com.concert.application.fake;

import com.concert.application.contract.IdempotencyStoreContract;
import com.concert.application.idempotency.IdempotencyStore;
import com.concert.application.shared.TransactionRunner;

class InMemoryIdempotencyStoreTest extends IdempotencyStoreContract {

    private final InMemoryIdempotencyStore store = new InMemoryIdempotencyStore();
    private final DirectTransactionRunner transactions = new DirectTransactionRunner(store);

    @Override
    protected IdempotencyStore store() {
        return store;
    }

    @Override
    protected TransactionRunner transactions() {
        return transactions;
    }
}
