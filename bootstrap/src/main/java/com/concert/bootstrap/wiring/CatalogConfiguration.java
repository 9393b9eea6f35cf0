package com.concert.bootstrap.wiring;

import com.concert.application.catalog.port.in.ApplyCatalogChangeUseCase;
import com.concert.application.catalog.port.in.CreateConcertUseCase;
import com.concert.application.catalog.port.in.GetConcertUseCase;
import com.concert.application.catalog.port.in.ListBookableConcertsUseCase;
import com.concert.application.catalog.port.out.CatalogCache;
import com.concert.application.catalog.port.out.CatalogChanges;
import com.concert.application.catalog.port.out.ConcertCatalog;
import com.concert.application.catalog.service.ApplyCatalogChangeService;
import com.concert.application.catalog.service.ConcertLookup;
import com.concert.application.catalog.service.CreateConcertService;
import com.concert.application.catalog.service.GetConcertService;
import com.concert.application.catalog.service.ListBookableConcertsService;
import com.concert.application.shared.TransactionRunner;
import com.concert.domain.concert.ConcertRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.util.List;

/** The catalog: concerts, the bookable listing, and the copies of it each instance keeps. */
@Configuration(proxyBeanMethods = false)
class CatalogConfiguration {

    @Bean
    ApplyCatalogChangeUseCase applyCatalogChangeUseCase(List<CatalogCache> caches) {
        return new ApplyCatalogChangeService(caches);
    }

    @Bean
    CreateConcertUseCase createConcertUseCase(ConcertRepository concerts, ApplyCatalogChangeUseCase here,
                                              CatalogChanges changes, TransactionRunner transactions, Clock clock) {
        return new CreateConcertService(concerts, here, changes, transactions, clock);
    }

    @Bean
    ListBookableConcertsUseCase listBookableConcertsUseCase(ConcertCatalog catalog, Clock clock) {
        return new ListBookableConcertsService(catalog, clock);
    }

    @Bean
    ConcertLookup concertLookup(ConcertCatalog catalog) {
        return new ConcertLookup(catalog);
    }

    @Bean
    GetConcertUseCase getConcertUseCase(ConcertLookup concerts) {
        return new GetConcertService(concerts);
    }
}
