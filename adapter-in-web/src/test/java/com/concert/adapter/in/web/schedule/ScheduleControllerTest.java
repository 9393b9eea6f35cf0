package com.concert.adapter.in.web.schedule;

import com.concert.application.booking.port.in.GetBookableSchedulesUseCase;
import com.concert.application.booking.port.in.GetSeatMapUseCase;
import com.concert.application.booking.port.in.SeatMap;
import com.concert.domain.queue.TokenInvalidException;
import com.concert.domain.queue.TokenMissingException;
import com.concert.domain.queue.TokenNotActiveException;
import com.concert.domain.seat.SeatStatus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.time.Instant;

import static com.concert.adapter.in.web.schedule.SeatMaps.NOW;
import static com.concert.adapter.in.web.schedule.SeatMaps.at;
import static com.concert.adapter.in.web.schedule.SeatMaps.gunzip;
import static com.concert.adapter.in.web.schedule.SeatMaps.held;
import static com.concert.adapter.in.web.schedule.SeatMaps.map;
import static com.concert.adapter.in.web.schedule.SeatMaps.seat;
import static com.concert.adapter.in.web.schedule.SeatMaps.sold;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(ScheduleController.class)
@Import(SeatMapRenderings.class)
class ScheduleControllerTest {

    private static final String SEATS = "/api/v1/concerts/1/schedules/11/seats";
    private static final Instant HOLD_ENDS = NOW.plusSeconds(40);
    private static final String JSON = """
            {"scheduleId":11,"seats":[\
            {"id":501,"number":1,"grade":"VIP","price":150000,"status":"AVAILABLE"},\
            {"id":502,"number":2,"grade":"R","price":110000,"status":"HELD"},\
            {"id":503,"number":3,"grade":"R","price":110000,"status":"SOLD"}]}""";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    GetSeatMapUseCase seatMap;

    @MockitoBean
    GetBookableSchedulesUseCase schedules;

    private static SeatMap threeSeats(Instant at) {
        return map(1, at, seat(1, "VIP", 150_000, SeatStatus.AVAILABLE, null), held(2, HOLD_ENDS), sold(3));
    }

    private static MockHttpServletRequestBuilder seats() {
        return get(SEATS).with(jwt().jwt(token -> token.subject("fan"))).header("X-Queue-Token", "q_token");
    }

    @Test
    void theSeatMap_isTheContractsJson_byteForByte_andVariesByAcceptEncoding() throws Exception {
        when(seatMap.seatMap(any())).thenReturn(threeSeats(NOW));

        mvc.perform(seats())
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/json"))
                .andExpect(header().doesNotExist("Content-Encoding"))
                .andExpect(header().stringValues("Vary", hasItem("Accept-Encoding")))
                .andExpect(content().string(JSON));
    }

    @Test
    void aClientThatAcceptsGzip_getsTheSameJsonGzipCompressed() throws Exception {
        when(seatMap.seatMap(any())).thenReturn(threeSeats(NOW));

        MvcResult gzip = mvc.perform(seats().header("Accept-Encoding", "gzip, deflate, br"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Encoding", "gzip"))
                .andExpect(header().string("Content-Type", "application/json"))
                .andExpect(header().stringValues("Vary", hasItem("Accept-Encoding")))
                .andReturn();

        byte[] body = gzip.getResponse().getContentAsByteArray();
        assertThat(gzip.getResponse().getContentLength()).isEqualTo(body.length);
        assertThat(gunzip(body)).isEqualTo(JSON);
    }

    @Test
    void aClientThatRefusesOrDoesNotNameGzip_getsPlainJson() throws Exception {
        when(seatMap.seatMap(any())).thenReturn(threeSeats(NOW));

        for (String acceptEncoding : new String[]{"gzip;q=0", "br", "identity", "*"}) {
            mvc.perform(seats().header("Accept-Encoding", acceptEncoding))
                    .andExpect(status().isOk())
                    .andExpect(header().doesNotExist("Content-Encoding"))
                    .andExpect(content().string(JSON));
        }
    }

    @Test
    void theQueueTokenIsCheckedOnEveryRequest_beforeKeptBytesAreWritten() throws Exception {
        when(seatMap.seatMap(any())).thenReturn(threeSeats(NOW))
                .thenThrow(new TokenNotActiveException(12))
                .thenThrow(new TokenInvalidException())
                .thenThrow(new TokenMissingException());
        mvc.perform(seats().header("Accept-Encoding", "gzip")).andExpect(status().isOk());

        mvc.perform(seats().header("Accept-Encoding", "gzip"))
                .andExpect(status().isForbidden())
                .andExpect(header().doesNotExist("Content-Encoding"))
                .andExpect(jsonPath("$.code").value("TOKEN_NOT_ACTIVE"));
        mvc.perform(seats())
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("TOKEN_INVALID"));
        mvc.perform(get(SEATS).with(jwt().jwt(token -> token.subject("fan"))))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("TOKEN_MISSING"));

        verify(seatMap, times(4)).seatMap(any());
    }

    @Test
    void aHoldThatRunsOut_readsAvailableFromItsDeadline_thoughTheSeatsAreTheSameCopy() throws Exception {
        SeatMap before = threeSeats(HOLD_ENDS.minusNanos(1000));
        when(seatMap.seatMap(any())).thenReturn(before, at(before, HOLD_ENDS));

        mvc.perform(seats()).andExpect(jsonPath("$.seats[1].status").value("HELD"));
        mvc.perform(seats()).andExpect(jsonPath("$.seats[1].status").value("AVAILABLE"));
    }
}
