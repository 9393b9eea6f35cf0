package com.concert.adapter.in.web.reservation;

import com.concert.adapter.in.web.support.Headers;
import com.concert.adapter.in.web.support.PageParameters;
import com.concert.adapter.in.web.support.PageParameters.PageResponse;
import com.concert.adapter.in.web.support.PathIds;
import com.concert.application.booking.port.in.CancelReservationUseCase;
import com.concert.application.booking.port.in.GetReservationUseCase;
import com.concert.application.booking.port.in.HoldSeatsCommand;
import com.concert.application.booking.port.in.HoldSeatsUseCase;
import com.concert.application.booking.port.in.ReservationView;
import com.concert.application.shared.PageRequest;
import com.concert.domain.reservation.Reservation;
import com.concert.domain.reservation.ReservationId;
import com.concert.domain.shared.UserId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Positive;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

@RestController
@RequestMapping("/api/v1/reservations")
@Tag(name = "Reservations", description = "Holds of 1 to 4 seats that run out unless paid")
class ReservationController {

    private final HoldSeatsUseCase holdSeats;
    private final GetReservationUseCase getReservation;
    private final CancelReservationUseCase cancelReservation;

    ReservationController(HoldSeatsUseCase holdSeats, GetReservationUseCase getReservation,
                          CancelReservationUseCase cancelReservation) {
        this.holdSeats = holdSeats;
        this.getReservation = getReservation;
        this.cancelReservation = cancelReservation;
    }

    record HoldSeatsRequest(@Schema(example = "11") Long scheduleId,
                            @Schema(description = "1 to 4 distinct seats of the schedule", example = "[501, 502]") List<Long> seatIds) {
    }

    record SeatResponse(long id, int number, String grade, long price) {
    }

    record ReservationResponse(long id,
                               @Schema(allowableValues = {"HELD", "CONFIRMED", "CANCELLED", "EXPIRED"}) String status,
                               long concertId, long scheduleId, List<SeatResponse> seats, long totalPrice,
                               Instant expiresAt, Instant createdAt) {

        static ReservationResponse of(Reservation r, String status) {
            return new ReservationResponse(r.id().value(), status, r.concertId().value(), r.scheduleId().value(),
                    r.seats().stream().map(s -> new SeatResponse(s.id().value(), s.number(), s.grade(), s.price())).toList(),
                    r.totalPrice(), r.expiresAt(), r.createdAt());
        }

        static ReservationResponse of(ReservationView view) {
            return of(view.reservation(), view.status().name());
        }
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Hold seats", description = "Holds every requested seat until expiresAt, or none "
            + "(409 SEAT_UNAVAILABLE names the taken seats). Needs an ACTIVE queue token for the concert.")
    ReservationResponse hold(UserId user, @RequestHeader(name = Headers.QUEUE_TOKEN, required = false) String token,
                             @RequestBody HoldSeatsRequest request) {
        Reservation held = holdSeats.hold(new HoldSeatsCommand(user, token, request.scheduleId(), request.seatIds()));
        return ReservationResponse.of(held, held.status().name());
    }

    @GetMapping("/{reservationId}")
    @Operation(summary = "One of the caller's reservations", description = "A HELD reservation past expiresAt reads EXPIRED.")
    ReservationResponse get(UserId user, @PathVariable @Positive(message = PathIds.MUST_BE_POSITIVE) long reservationId) {
        return ReservationResponse.of(getReservation.get(user, new ReservationId(reservationId)));
    }

    @GetMapping
    @Operation(summary = "The caller's reservations, newest first")
    PageResponse<ReservationResponse> list(UserId user, @RequestParam(defaultValue = "0") int page,
                                           @RequestParam(defaultValue = "" + PageRequest.DEFAULT_SIZE) int size) {
        return PageParameters.respond(getReservation.list(user, PageParameters.of(page, size)), ReservationResponse::of);
    }

    @DeleteMapping("/{reservationId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Cancel a HELD reservation", description = "Its seats are free at once. Cancelling a cancelled "
            + "reservation again changes nothing; a paid or expired one is 409 RESERVATION_NOT_CANCELLABLE.")
    void cancel(UserId user, @PathVariable @Positive(message = PathIds.MUST_BE_POSITIVE) long reservationId) {
        cancelReservation.cancel(user, new ReservationId(reservationId));
    }

}
