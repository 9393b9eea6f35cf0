package com.concert.domain.reservation;

import com.concert.domain.seat.SeatId;
import com.concert.domain.shared.DomainException;
import com.concert.domain.shared.ErrorCode;

import java.util.List;
import java.util.stream.Collectors;

/** A requested seat is held or sold; nothing was held. */
public final class SeatUnavailableException extends DomainException {

    private final transient List<SeatId> taken;

    public SeatUnavailableException(List<SeatId> taken) {
        super(ErrorCode.SEAT_UNAVAILABLE, (taken.size() == 1 ? "Seat " : "Seats ")
                + taken.stream().map(SeatId::toString).collect(Collectors.joining(", "))
                + (taken.size() == 1 ? " is" : " are") + " no longer available; nothing was held");
        this.taken = List.copyOf(taken);
    }

    public List<SeatId> taken() {
        return taken;
    }
}
