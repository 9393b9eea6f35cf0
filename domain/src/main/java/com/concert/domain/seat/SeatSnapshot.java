package com.concert.domain.seat;

import java.util.List;

/**
 * The seats of one schedule, by seat number, as one read of the storage found them. Reads are numbered in the
 * order they began ({@code read}): two answers with the same number are the same copy of the same rows, and a
 * higher number is a later read. Whatever a caller derives from the seats alone holds for every answer with the
 * same number; a status still depends on the moment it is judged at ({@link Seat#statusAt}).
 */
public record SeatSnapshot(long read, List<Seat> seats) {

    public SeatSnapshot {
        seats = List.copyOf(seats);
    }
}
