package com.concert.adapter.out.persistence.idempotency;

import com.concert.application.contract.IdempotencyStoreContract;
import com.concert.application.idempotency.IdempotencyStore;
import com.concert.application.shared.TransactionRunner;
import com.concert.testsupport.persistence.PersistenceIT;
import org.junit.jupiter.api.Nested;
import org.springframework.beans.factory.annotation.Autowired;

class JdbcIdempotencyStoreIT extends PersistenceIT {

    @Autowired
    IdempotencyStore store;

    @Autowired
    TransactionRunner transactions;

    /** The port's contract, run against PostgreSQL. */
    @Nested
    class Contract extends IdempotencyStoreContract {

        @Override
        protected IdempotencyStore store() {
            return store;
        }

        @Override
        protected TransactionRunner transactions() {
            return transactions;
        }
    }
}
