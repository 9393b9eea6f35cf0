package com.concert.domain.queue;

import com.concert.domain.concert.ConcertId;

/** What one admission tick did for one concert, and how its line stands afterwards. */
public record AdmissionResult(ConcertId concertId, int admitted, int expired, long waiting, long active) {
}
