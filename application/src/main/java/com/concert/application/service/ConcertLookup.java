package com.concert.application.service;

import com.concert.domain.concert.Concert;
import com.concert.domain.concert.ConcertId;
import com.concert.domain.concert.ConcertNotFoundException;
import com.concert.domain.concert.ConcertRepository;
import com.concert.domain.shared.TransactionRunner;

/** Finds a concert for a use case that cannot go on without it. */
public final class ConcertLookup {

    private final ConcertRepository concerts;
    private final TransactionRunner transactions;

    public ConcertLookup(ConcertRepository concerts, TransactionRunner transactions) {
        this.concerts = concerts;
        this.transactions = transactions;
    }

    /** @throws ConcertNotFoundException when there is no such concert */
    public Concert require(ConcertId id) {
        return transactions.readOnly(() -> concerts.findById(id)).orElseThrow(() -> new ConcertNotFoundException(id));
    }
}
