package com.concert.application.catalog.service;

import com.concert.application.catalog.port.in.GetConcertUseCase;
import com.concert.domain.concert.Concert;
import com.concert.domain.concert.ConcertId;

public final class GetConcertService implements GetConcertUseCase {

    private final ConcertLookup concerts;

    public GetConcertService(ConcertLookup concerts) {
        this.concerts = concerts;
    }

    @Override
    public Concert get(ConcertId id) {
        return concerts.require(id);
    }
}
