package com.concert.adapter.in.web.payment;

import com.concert.adapter.in.web.support.Headers;
import com.concert.adapter.in.web.support.IdempotencyKeys;
import com.concert.application.booking.port.in.PayReservationCommand;
import com.concert.application.booking.port.in.PayReservationUseCase;
import com.concert.domain.payment.Payment;
import com.concert.domain.shared.UserId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;

@RestController
@RequestMapping("/api/v1/payments")
@Tag(name = "Payments", description = "Pay a held reservation with points; needs an ACTIVE queue token")
class PaymentController {

    private final PayReservationUseCase payReservation;

    PaymentController(PayReservationUseCase payReservation) {
        this.payReservation = payReservation;
    }

    record PayRequest(@Schema(example = "9001") Long reservationId) {
    }

    record PaymentResponse(long id, long reservationId, long amount,
                           @Schema(description = "the balance right after this payment") long balance, Instant paidAt) {

        static PaymentResponse of(Payment payment) {
            return new PaymentResponse(payment.id().value(), payment.reservationId().value(), payment.amount(),
                    payment.balanceAfter(), payment.paidAt());
        }
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Pay a held reservation", description = "In one transaction the reservation becomes CONFIRMED, "
            + "its seats SOLD and the points are used; then the caller's queue token ends. 409 INSUFFICIENT_POINTS and "
            + "409 RESERVATION_EXPIRED change nothing. With an Idempotency-Key, a repeat answers the first payment, even "
            + "after its queue token ended.")
    PaymentResponse pay(UserId user, @RequestHeader(name = Headers.QUEUE_TOKEN, required = false) String token,
                        @Parameter(description = "1 to 64 characters of A-Za-z0-9_-")
                        @RequestHeader(name = Headers.IDEMPOTENCY_KEY, required = false) String idempotencyKey,
                        @RequestBody PayRequest request) {
        return PaymentResponse.of(payReservation.pay(new PayReservationCommand(user, token, request.reservationId(),
                IdempotencyKeys.of(idempotencyKey))));
    }
}
