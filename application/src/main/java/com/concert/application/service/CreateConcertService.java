package com.concert.application.service;

import com.concert.application.port.in.CreateConcertCommand;
import com.concert.application.port.in.CreateConcertUseCase;
import com.concert.domain.concert.Concert;
import com.concert.domain.concert.ConcertDraft;
import com.concert.domain.concert.ConcertRepository;
import com.concert.domain.shared.TransactionRunner;

import java.time.Clock;

public final class CreateConcertService implements CreateConcertUseCase {

    private final ConcertRepository concerts;
    private final TransactionRunner transactions;
    private final Clock clock;

    public CreateConcertService(ConcertRepository concerts, TransactionRunner transactions, Clock clock) {
        this.concerts = concerts;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public Concert create(CreateConcertCommand command) {
        ConcertDraft draft = command.toDraft(clock.instant());
        return transactions.inTransaction(() -> concerts.create(draft));
    }
}
