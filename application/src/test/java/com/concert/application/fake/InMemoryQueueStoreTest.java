package com.concert.application.fake;

import com.concert.application.contract.QueueStoreContract;
import com.concert.domain.queue.QueueStore;

class InMemoryQueueStoreTest extends QueueStoreContract {

    private final InMemoryQueueStore store = new InMemoryQueueStore();

    @Override
    protected QueueStore store() {
        return store;
    }
}
