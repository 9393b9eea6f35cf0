package com.concert.application.catalog.service;

import com.concert.application.catalog.port.in.ApplyCatalogChangeUseCase;
import com.concert.application.catalog.port.in.CreateConcertCommand;
import com.concert.application.catalog.port.in.CreateConcertUseCase;
import com.concert.application.catalog.port.out.CatalogChanges;
import com.concert.application.shared.TransactionRunner;
import com.concert.domain.concert.Concert;
import com.concert.domain.concert.ConcertDraft;
import com.concert.domain.concert.ConcertRepository;

import java.time.Clock;

public final class CreateConcertService implements CreateConcertUseCase {

    private static final System.Logger LOG = System.getLogger(CreateConcertService.class.getName());

    private final ConcertRepository concerts;
    private final ApplyCatalogChangeUseCase here;
    private final CatalogChanges changes;
    private final TransactionRunner transactions;
    private final Clock clock;

    public CreateConcertService(ConcertRepository concerts, ApplyCatalogChangeUseCase here, CatalogChanges changes,
                                TransactionRunner transactions, Clock clock) {
        this.concerts = concerts;
        this.here = here;
        this.changes = changes;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public Concert create(CreateConcertCommand command) {
        ConcertDraft draft = command.toDraft(clock.instant());
        Concert created = transactions.inTransaction(() -> concerts.create(draft));
        // after commit: this instance forgets at once, so that an operator reads their own change, and every
        // instance forgets when the announcement reaches it, so the new concert shows everywhere
        here.catalogChanged(created.id());
        try {
            changes.published(created.id());
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Concert {0} was created, but the change was not announced: {1}",
                    created.id(), e.getMessage());
        }
        return created;
    }
}
