package com.concert.application.catalog.service;

import com.concert.application.catalog.port.in.ApplyCatalogChangeUseCase;
import com.concert.application.catalog.port.out.CatalogCache;
import com.concert.domain.concert.ConcertId;

import java.util.List;

public final class ApplyCatalogChangeService implements ApplyCatalogChangeUseCase {

    private final List<CatalogCache> caches;

    public ApplyCatalogChangeService(List<CatalogCache> caches) {
        this.caches = List.copyOf(caches);
    }

    @Override
    public void catalogChanged(ConcertId concert) {
        caches.forEach(cache -> cache.forget(concert));
    }
}
