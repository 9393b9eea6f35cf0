package com.concert.application.fake;

import com.concert.domain.queue.QueueStore;
import com.concert.domain.queue.QueueStoreContract;

class InMemoryQueueStoreTest extends QueueStoreContract {

    private final InMemoryQueueStore store = new InMemoryQueueStore();

    @Override
    protected QueueStore store() {
        return store;
    }
}
