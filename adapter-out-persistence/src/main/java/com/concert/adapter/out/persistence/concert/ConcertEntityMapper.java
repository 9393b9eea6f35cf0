package com.concert.adapter.out.persistence.concert;

import com.concert.domain.concert.BookingWindow;
import com.concert.domain.concert.Concert;
import com.concert.domain.concert.ConcertId;
import com.concert.domain.concert.ConcertSummary;
import com.concert.domain.concert.Schedule;
import com.concert.domain.concert.ScheduleId;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.ReportingPolicy;

/** Rebuilds catalog domain objects from rows; any target field nobody maps fails the build. */
@Mapper(componentModel = "spring", unmappedTargetPolicy = ReportingPolicy.ERROR)
interface ConcertEntityMapper {

    Concert toConcert(ConcertJpaEntity entity);

    ConcertSummary toSummary(ConcertJpaEntity entity);

    @Mapping(target = "bookingWindow", expression = "java(toWindow(entity))")
    Schedule toSchedule(ScheduleJpaEntity entity);

    default BookingWindow toWindow(ScheduleJpaEntity entity) {
        return new BookingWindow(entity.getBookingOpensAt(), entity.getBookingClosesAt());
    }

    default ConcertId toConcertId(Long id) {
        return new ConcertId(id);
    }

    default ScheduleId toScheduleId(Long id) {
        return new ScheduleId(id);
    }
}
