package com.concert.application.service;

import com.concert.application.port.in.GetConcertUseCase;
import com.concert.domain.concert.Concert;
import com.concert.domain.concert.ConcertId;
import com.concert.domain.concert.ConcertNotFoundException;
import com.concert.domain.concert.ConcertRepository;
import com.concert.domain.shared.TransactionRunner;

public final class GetConcertService implements GetConcertUseCase {

    private final ConcertRepository concerts;
    private final TransactionRunner transactions;

    public GetConcertService(ConcertRepository concerts, TransactionRunner transactions) {
        this.concerts = concerts;
        this.transactions = transactions;
    }

    @Override
    public Concert get(ConcertId id) {
        return transactions.readOnly(() -> concerts.findById(id)).orElseThrow(() -> new ConcertNotFoundException(id));
    }
}
