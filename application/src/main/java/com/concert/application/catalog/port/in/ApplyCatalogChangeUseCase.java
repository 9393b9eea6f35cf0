package com.concert.application.catalog.port.in;

import com.concert.domain.concert.ConcertId;

/** What this instance does when any instance (itself included) announces that a concert was created or changed. */
public interface ApplyCatalogChangeUseCase {

    /** Drops every copy this instance keeps of {@code concert}. */
    void catalogChanged(ConcertId concert);
}
