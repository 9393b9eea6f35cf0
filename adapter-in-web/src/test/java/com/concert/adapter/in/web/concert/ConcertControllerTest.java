package com.concert.adapter.in.web.concert;

import com.concert.application.catalog.port.in.GetConcertUseCase;
import com.concert.application.catalog.port.in.ListBookableConcertsUseCase;
import com.concert.application.catalog.port.in.ListConcertsQuery;
import com.concert.application.shared.Page;
import com.concert.application.shared.PageRequest;
import com.concert.domain.concert.ConcertId;
import com.concert.domain.concert.ConcertNotFoundException;
import com.concert.domain.concert.ConcertSummary;
import com.concert.domain.shared.ValidationFailedException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Instant;
import java.util.List;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(ConcertController.class)
class ConcertControllerTest {

    private static final Instant FIRST = Instant.parse("2026-12-24T10:00:00Z");
    private static final Instant LAST = Instant.parse("2026-12-25T10:00:00Z");

    @Autowired
    MockMvc mvc;

    @MockitoBean
    ListBookableConcertsUseCase listConcerts;

    @MockitoBean
    GetConcertUseCase getConcert;

    @Test
    void list_answersTheContractsShape() throws Exception {
        when(listConcerts.list(new ListConcertsQuery(2, 5))).thenReturn(Page.of(
                List.of(new ConcertSummary(new ConcertId(1), "IU 2026 Tour", "KSPO Dome", FIRST, LAST)),
                new PageRequest(2, 5), 11));

        mvc.perform(get("/api/v1/concerts?page=2&size=5"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].id").value(1))
                .andExpect(jsonPath("$.items[0].title").value("IU 2026 Tour"))
                .andExpect(jsonPath("$.items[0].venue").value("KSPO Dome"))
                .andExpect(jsonPath("$.items[0].firstPerformanceAt").value("2026-12-24T10:00:00Z"))
                .andExpect(jsonPath("$.items[0].lastPerformanceAt").value("2026-12-25T10:00:00Z"))
                .andExpect(jsonPath("$.page").value(2))
                .andExpect(jsonPath("$.size").value(5))
                .andExpect(jsonPath("$.totalItems").value(11))
                .andExpect(jsonPath("$.totalPages").value(3));
    }

    @Test
    void list_defaultsToTheFirstPageOfTwenty() throws Exception {
        when(listConcerts.list(new ListConcertsQuery(0, 20))).thenReturn(Page.of(List.of(), new PageRequest(0, 20), 0));

        mvc.perform(get("/api/v1/concerts"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items").isEmpty())
                .andExpect(jsonPath("$.totalPages").value(0));
    }

    @Test
    void aPathIdThatIsNotPositive_isAValidationErrorNamingIt_beforeAnyUseCaseRuns() throws Exception {
        for (String id : new String[]{"0", "-7"}) {
            mvc.perform(get("/api/v1/concerts/" + id))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                    .andExpect(jsonPath("$.detail").value("concertId: must be a positive integer"))
                    .andExpect(jsonPath("$.errors[0].field").value("concertId"))
                    .andExpect(jsonPath("$.errors[0].message").value("must be a positive integer"));
        }
        org.mockito.Mockito.verifyNoInteractions(getConcert);
    }

    @Test
    void list_refusesAPageOutOfRange_beforeAnyUseCaseRuns() throws Exception {
        mvc.perform(get("/api/v1/concerts?size=101"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors[0].field").value("size"));
        mvc.perform(get("/api/v1/concerts?size=99999999999"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"));

        verify(listConcerts, never()).list(any());
    }

    @Test
    void get_ofAnUnknownConcert_isConcertNotFound() throws Exception {
        when(getConcert.get(new ConcertId(9))).thenThrow(new ConcertNotFoundException(new ConcertId(9)));

        mvc.perform(get("/api/v1/concerts/9"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("CONCERT_NOT_FOUND"));
    }

    @Test
    void aValidationFailureFromTheUseCase_namesItsFields() throws Exception {
        when(listConcerts.list(any())).thenThrow(ValidationFailedException.of("page", "must be between 0 and 100000"));

        mvc.perform(get("/api/v1/concerts?page=5"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("page"))
                .andExpect(jsonPath("$.detail").value("page: must be between 0 and 100000"));
    }
}
