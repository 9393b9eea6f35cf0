package com.concert.adapter.in.web.point;

import com.concert.adapter.in.web.support.Headers;
import com.concert.adapter.in.web.support.IdempotencyKeys;
import com.concert.adapter.in.web.support.PageParameters;
import com.concert.adapter.in.web.support.PageParameters.PageResponse;
import com.concert.application.points.port.in.ChargePointsCommand;
import com.concert.application.points.port.in.ChargePointsUseCase;
import com.concert.application.points.port.in.GetPointsUseCase;
import com.concert.application.shared.PageRequest;
import com.concert.domain.point.PointEntry;
import com.concert.domain.point.Wallet;
import com.concert.domain.shared.UserId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;

@RestController
@RequestMapping("/api/v1/points")
@Tag(name = "Points", description = "Balance, charges and history; X-User-Id only")
class PointController {

    private final GetPointsUseCase points;
    private final ChargePointsUseCase chargePoints;

    PointController(GetPointsUseCase points, ChargePointsUseCase chargePoints) {
        this.points = points;
        this.chargePoints = chargePoints;
    }

    record PointsResponse(long userId, long balance) {

        static PointsResponse of(Wallet wallet) {
            return new PointsResponse(wallet.userId().value(), wallet.balance());
        }
    }

    record ChargeRequest(@Schema(example = "50000", description = "1 to concert.points.max-charge") Long amount) {
    }

    record PointEntryResponse(long id, @Schema(allowableValues = {"CHARGE", "USE", "REFUND"}) String type, long amount,
                              long balanceAfter, Instant createdAt,
                              @Schema(nullable = true) Long reservationId) {

        static PointEntryResponse of(PointEntry entry) {
            return new PointEntryResponse(entry.id(), entry.type().name(), entry.amount(), entry.balanceAfter(),
                    entry.createdAt(), entry.reservationId() == null ? null : entry.reservationId().value());
        }
    }

    @GetMapping
    @Operation(summary = "The caller's balance", description = "A user who never charged has 0.")
    PointsResponse balance(UserId user) {
        return PointsResponse.of(points.balance(user));
    }

    @PostMapping(path = "/charge", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Charge points", description = "400 INVALID_AMOUNT for 0, a negative amount or more than the "
            + "maximum charge; 409 BALANCE_LIMIT_EXCEEDED past the maximum balance. With an Idempotency-Key, a repeat "
            + "answers the first result and changes nothing; the same key with another body is 409 IDEMPOTENCY_KEY_REUSED.")
    PointsResponse charge(UserId user,
                          @Parameter(description = "1 to 64 characters of A-Za-z0-9_-")
                          @RequestHeader(name = Headers.IDEMPOTENCY_KEY, required = false) String idempotencyKey,
                          @RequestBody ChargeRequest request) {
        return PointsResponse.of(chargePoints.charge(
                new ChargePointsCommand(user, request.amount(), IdempotencyKeys.of(idempotencyKey))));
    }

    @GetMapping("/history")
    @Operation(summary = "The caller's charges, uses and refunds, newest first")
    PageResponse<PointEntryResponse> history(UserId user, @RequestParam(defaultValue = "0") int page,
                                             @RequestParam(defaultValue = "" + PageRequest.DEFAULT_SIZE) int size) {
        return PageParameters.respond(points.history(user, PageParameters.of(page, size)), PointEntryResponse::of);
    }
}
