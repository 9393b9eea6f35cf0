package com.concert.application.catalog.port.in;

import com.concert.application.shared.PageRequest;

/**
 * One page of the concert listing.
 *
 * @throws com.concert.domain.shared.ValidationFailedException when page or size is out of range
 */
public record ListConcertsQuery(PageRequest page) {

    public ListConcertsQuery(int page, int size) {
        this(new PageRequest(page, size));
    }
}
