package com.concert.application.service;

import com.concert.application.port.in.CreateConcertCommand;
import com.concert.application.port.in.CreateConcertUseCase;
import com.concert.domain.concert.CatalogChanges;
import com.concert.domain.concert.Concert;
import com.concert.domain.concert.ConcertDraft;
import com.concert.domain.concert.ConcertRepository;
import com.concert.domain.shared.TransactionRunner;

import java.time.Clock;

public final class CreateConcertService implements CreateConcertUseCase {

    private static final System.Logger LOG = System.getLogger(CreateConcertService.class.getName());

    private final ConcertRepository concerts;
    private final CatalogChanges changes;
    private final TransactionRunner transactions;
    private final Clock clock;

    public CreateConcertService(ConcertRepository concerts, CatalogChanges changes, TransactionRunner transactions,
                                Clock clock) {
        this.concerts = concerts;
        this.changes = changes;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public Concert create(CreateConcertCommand command) {
        ConcertDraft draft = command.toDraft(clock.instant());
        Concert created = transactions.inTransaction(() -> concerts.create(draft));
        // after commit: every instance drops the listing pages it keeps, so the new concert shows at once
        try {
            changes.published(created.id());
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Concert {0} was created, but the change was not announced: {1}",
                    created.id(), e.getMessage());
        }
        return created;
    }
}
