package com.concert.domain.payment;

public record PaymentId(long value) {

    public PaymentId {
        if (value < 1) {
            throw new IllegalArgumentException("a payment id is positive, got " + value);
        }
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
