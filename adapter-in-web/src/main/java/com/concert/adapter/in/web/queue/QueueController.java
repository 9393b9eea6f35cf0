package com.concert.adapter.in.web.queue;

import com.concert.adapter.in.web.support.Headers;
import com.concert.adapter.in.web.support.PathIds;
import com.concert.application.queue.port.in.EnterQueueCommand;
import com.concert.application.queue.port.in.EnterQueueUseCase;
import com.concert.application.queue.port.in.GetQueueStatusUseCase;
import com.concert.application.queue.port.in.LeaveQueueUseCase;
import com.concert.application.queue.port.in.QueueTicket;
import com.concert.application.queue.port.in.QueueTokenQuery;
import com.concert.domain.concert.ConcertId;
import com.concert.domain.shared.UserId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Positive;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Waiting queue", description = "One line per concert; admission by capacity")
class QueueController {

    private final EnterQueueUseCase enterQueue;
    private final GetQueueStatusUseCase queueStatus;
    private final LeaveQueueUseCase leaveQueue;

    QueueController(EnterQueueUseCase enterQueue, GetQueueStatusUseCase queueStatus, LeaveQueueUseCase leaveQueue) {
        this.enterQueue = enterQueue;
        this.queueStatus = queueStatus;
        this.leaveQueue = leaveQueue;
    }

    @PostMapping("/concerts/{concertId}/queue")
    @Operation(summary = "Enter the line for a concert",
            description = "201 with a new token, or 200 with the token and place the caller already has (waiting or "
                    + "active): entering twice never makes a second place.")
    ResponseEntity<QueueResponse> enter(@PathVariable @Positive(message = PathIds.MUST_BE_POSITIVE) long concertId, UserId user) {
        QueueTicket ticket = enterQueue.enter(new EnterQueueCommand(new ConcertId(concertId), user));
        return ResponseEntity.status(ticket.created() ? HttpStatus.CREATED : HttpStatus.OK).body(QueueResponse.of(ticket));
    }

    @GetMapping("/queue/status")
    @Operation(summary = "Where the caller's token stands now")
    QueueResponse status(UserId user, @RequestHeader(name = Headers.QUEUE_TOKEN, required = false) String token) {
        return QueueResponse.of(queueStatus.status(new QueueTokenQuery(token, user)));
    }

    @DeleteMapping("/queue")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Leave the line, or give the active slot back", description = "Afterwards the token is invalid.")
    void leave(UserId user, @RequestHeader(name = Headers.QUEUE_TOKEN, required = false) String token) {
        leaveQueue.leave(new QueueTokenQuery(token, user));
    }
}
