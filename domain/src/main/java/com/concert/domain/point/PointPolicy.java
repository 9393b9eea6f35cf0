package com.concert.domain.point;

/** How much one charge may add ({@code maxCharge}) and how high a balance may go ({@code maxBalance}). */
public record PointPolicy(long maxCharge, long maxBalance) {

    public PointPolicy {
        if (maxCharge < 1 || maxBalance < maxCharge) {
            throw new IllegalArgumentException("1 <= maxCharge <= maxBalance");
        }
    }

    /** @throws InvalidAmountException for 0, a negative amount, or more than {@code maxCharge} */
    public void requireValidCharge(long amount) {
        if (amount < 1 || amount > maxCharge) {
            throw new InvalidAmountException(amount, maxCharge);
        }
    }
}
