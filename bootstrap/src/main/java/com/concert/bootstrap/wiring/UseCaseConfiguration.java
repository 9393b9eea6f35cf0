package com.concert.bootstrap.wiring;

import com.concert.application.port.in.CreateConcertUseCase;
import com.concert.application.port.in.GetConcertUseCase;
import com.concert.application.port.in.ListBookableConcertsUseCase;
import com.concert.application.service.ConcertLookup;
import com.concert.application.service.CreateConcertService;
import com.concert.application.service.GetConcertService;
import com.concert.application.service.ListBookableConcertsService;
import com.concert.domain.concert.CatalogChanges;
import com.concert.domain.concert.ConcertCatalog;
import com.concert.domain.concert.ConcertRepository;
import com.concert.domain.shared.TransactionRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/** The catalog's use cases, built from plain constructors: the application module knows nothing of Spring. */
@Configuration(proxyBeanMethods = false)
class UseCaseConfiguration {

    @Bean
    CreateConcertUseCase createConcertUseCase(ConcertRepository concerts, CatalogChanges changes,
                                              TransactionRunner transactions, Clock clock) {
        return new CreateConcertService(concerts, changes, transactions, clock);
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
