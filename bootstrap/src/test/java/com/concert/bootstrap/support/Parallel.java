package com.concert.bootstrap.support;

import com.concert.bootstrap.support.Api.Reply;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/** Requests fired together, for races. */
public final class Parallel {

    private Parallel() {
    }

    /** Fires {@code n} requests at once (all threads released by one latch) and returns their replies in order. */
    public static List<Reply> atOnce(int n, IntFunction<Reply> request) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Reply>> futures = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(Math.min(n, 200))) {
            for (int i = 0; i < n; i++) {
                int index = i;
                Callable<Reply> call = () -> {
                    start.await();
                    return request.apply(index);
                };
                futures.add(pool.submit(call));
            }
            start.countDown();
            List<Reply> replies = new ArrayList<>();
            for (Future<Reply> future : futures) {
                replies.add(future.get());
            }
            return replies;
        }
    }
}
