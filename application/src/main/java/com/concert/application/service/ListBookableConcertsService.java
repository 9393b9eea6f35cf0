package com.concert.application.service;

import com.concert.application.port.in.ListBookableConcertsUseCase;
import com.concert.application.port.in.ListConcertsQuery;
import com.concert.domain.concert.ConcertRepository;
import com.concert.domain.concert.ConcertSummary;
import com.concert.domain.shared.Page;
import com.concert.domain.shared.TransactionRunner;

import java.time.Clock;

public final class ListBookableConcertsService implements ListBookableConcertsUseCase {

    private final ConcertRepository concerts;
    private final TransactionRunner transactions;
    private final Clock clock;

    public ListBookableConcertsService(ConcertRepository concerts, TransactionRunner transactions, Clock clock) {
        this.concerts = concerts;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public Page<ConcertSummary> list(ListConcertsQuery query) {
        return transactions.readOnly(() -> concerts.findBookable(clock.instant(), query.page()));
    }
}
