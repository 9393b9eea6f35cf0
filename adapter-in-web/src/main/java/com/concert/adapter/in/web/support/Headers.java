package com.concert.adapter.in.web.support;

/** The request headers of the contract. */
public final class Headers {

    public static final String QUEUE_TOKEN = "X-Queue-Token";
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private Headers() {
    }
}
