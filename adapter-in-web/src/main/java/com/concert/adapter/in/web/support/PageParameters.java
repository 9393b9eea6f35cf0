package com.concert.adapter.in.web.support;

import com.concert.application.shared.Page;
import com.concert.application.shared.PageRequest;

import java.util.List;
import java.util.function.Function;

/** The page shape every listing answers with: {@code items, page, size, totalItems, totalPages}. */
public final class PageParameters {

    private PageParameters() {
    }

    public record PageResponse<T>(List<T> items, int page, int size, long totalItems, int totalPages) {
    }

    /** @throws com.concert.domain.shared.ValidationFailedException when page or size is out of range */
    public static PageRequest of(int page, int size) {
        return new PageRequest(page, size);
    }

    public static <D, T> PageResponse<T> respond(Page<D> page, Function<? super D, ? extends T> mapper) {
        Page<T> mapped = page.map(mapper);
        return new PageResponse<>(mapped.items(), mapped.page(), mapped.size(), mapped.totalItems(), mapped.totalPages());
    }
}
