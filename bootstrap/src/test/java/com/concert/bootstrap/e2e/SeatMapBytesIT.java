package com.concert.bootstrap.e2e;

import com.concert.bootstrap.support.Api;
import com.concert.bootstrap.support.Api.Reply;
import com.concert.bootstrap.support.Concerts;
import com.concert.bootstrap.support.Fan;
import com.concert.bootstrap.support.ServiceIT;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seat map written from kept bytes (plain or gzip-compressed), against the rules it must keep: the same JSON
 * either way, a hold that runs out reads AVAILABLE from its deadline, and the queue token checked on every
 * request. Two fans at most are active per concert, so a third waits; holds last 3 s.
 */
@TestPropertySource(properties = {
        "concert.redis.key-prefix=${it.redis.prefix}seatmap:",
        "concert.queue.admit-interval=100ms",
        "concert.queue.admit-batch-size=10",
        "concert.queue.max-active=2",
        "concert.queue.active-ttl=30m",
        "concert.reservation.hold-ttl=3s"})
class SeatMapBytesIT extends ServiceIT {

    private static final AtomicLong USERS = new AtomicLong(900_000);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration HOLD_TTL = Duration.ofSeconds(3);

    private record Stage(long concertId, long scheduleId) {
    }

    private Stage stage(int seats) {
        JsonNode concert = Concerts.bookable(api, Instant.now(), seats);
        return new Stage(concert.path("id").asLong(), concert.path("schedules").get(0).path("id").asLong());
    }

    private Fan admitted(Stage stage) {
        return Fan.admitted(api, USERS.incrementAndGet(), stage.concertId());
    }

    private Api.Call seatMap(Stage stage, long user, String token) {
        Api.Call call = api.get("/api/v1/concerts/" + stage.concertId() + "/schedules/" + stage.scheduleId() + "/seats")
                .user(user);
        return token == null ? call : call.header("X-Queue-Token", token);
    }

    private Api.Call seatMap(Stage stage, Fan fan) {
        return seatMap(stage, fan.userId(), fan.token());
    }

    private static String gunzip(byte[] compressed) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aGzipRequest_getsGzipBytes_thatDecompressToTheJsonOfAPlainRequest() {
        Stage stage = stage(2_000);
        Fan fan = admitted(stage);

        HttpResponse<byte[]> plain = seatMap(stage, fan).sendForBytes();
        HttpResponse<byte[]> gzip = seatMap(stage, fan).header("Accept-Encoding", "gzip").sendForBytes();

        assertThat(plain.statusCode()).isEqualTo(200);
        assertThat(gzip.statusCode()).isEqualTo(200);
        assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(gzip.headers().firstValue("Content-Encoding")).contains("gzip");
        for (HttpResponse<byte[]> reply : List.of(plain, gzip)) {
            assertThat(reply.headers().firstValue("Content-Type")).contains("application/json");
            assertThat(reply.headers().allValues("Vary")).anySatisfy(v -> assertThat(v).contains("Accept-Encoding"));
        }
        String json = new String(plain.body(), StandardCharsets.UTF_8);
        assertThat(gunzip(gzip.body())).isEqualTo(json);
        assertThat(gzip.body().length).isLessThan(plain.body().length / 5);
        JsonNode map = JSON.readTree(json);
        assertThat(map.path("scheduleId").asLong()).isEqualTo(stage.scheduleId());
        assertThat(map.path("seats")).hasSize(2_000);
        assertThat(json).startsWith("{\"scheduleId\":" + stage.scheduleId() + ",\"seats\":[{\"id\":")
                .contains("\"number\":1,\"grade\":\"R\",\"price\":110000,\"status\":\"AVAILABLE\"}");
    }

    /**
     * A fan reads the map over and over while another's hold runs out: the bytes rendered while the seat was
     * held are kept for the copy of the seats they came from, but no read that starts at or after the deadline
     * is answered with them.
     */
    @Test
    void aHeldSeat_readsAvailableFromTheMomentItsHoldRunsOut_plainOrGzip() {
        Stage stage = stage(50);
        Fan holder = admitted(stage);
        Fan reader = admitted(stage);
        long seat = reader.seatMap(stage.scheduleId()).get(0).path("id").asLong();
        Reply held = holder.hold(stage.scheduleId(), List.of(seat));
        assertThat(held.status()).as(held.toString()).isEqualTo(201);
        Instant deadline = Instant.parse(held.json().path("expiresAt").asString());
        assertThat(deadline).isEqualTo(Instant.parse(held.json().path("createdAt").asString()).plus(HOLD_TTL));

        record Read(Instant startedAt, String status) {
        }
        List<Read> reads = new ArrayList<>();
        for (int i = 0; clock.instant().isBefore(deadline.plusMillis(700)); i++) {
            Instant startedAt = clock.instant();
            Api.Call call = seatMap(stage, reader);
            String body;
            if (i % 2 == 0) {
                HttpResponse<byte[]> reply = call.header("Accept-Encoding", "gzip").sendForBytes();
                assertThat(reply.statusCode()).isEqualTo(200);
                body = gunzip(reply.body());
            } else {
                Reply reply = call.send();
                assertThat(reply.status()).isEqualTo(200);
                body = reply.text();
            }
            reads.add(new Read(startedAt, JSON.readTree(body).path("seats").get(0).path("status").asString()));
        }

        assertThat(reads).filteredOn(r -> !r.startedAt().isBefore(deadline)).isNotEmpty()
                .allSatisfy(r -> assertThat(r.status()).as("read at %s, deadline %s", r.startedAt(), deadline)
                        .isEqualTo("AVAILABLE"));
        assertThat(reads).as("the hold showed in the last second before its deadline")
                .filteredOn(r -> r.startedAt().isBefore(deadline) && r.startedAt().isAfter(deadline.minusSeconds(1)))
                .anySatisfy(r -> assertThat(r.status()).isEqualTo("HELD"));
    }

    @Test
    void aTokenStillWaiting_isRefusedAsBefore_thoughTheMapsBytesAreKept() {
        Stage stage = stage(50);
        Fan first = admitted(stage);
        admitted(stage);
        long waitingUser = USERS.incrementAndGet();
        Reply entered = api.post("/api/v1/concerts/" + stage.concertId() + "/queue", null).user(waitingUser).send();
        String waiting = entered.json().path("token").asString();
        assertThat(entered.json().path("status").asString()).isEqualTo("WAITING");
        assertThat(seatMap(stage, first).header("Accept-Encoding", "gzip").sendForBytes().statusCode())
                .as("the map's bytes are kept").isEqualTo(200);

        for (String acceptEncoding : new String[]{"gzip", "identity"}) {
            HttpResponse<byte[]> refused = seatMap(stage, waitingUser, waiting)
                    .header("Accept-Encoding", acceptEncoding).sendForBytes();
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.headers().firstValue("Content-Encoding")).isEmpty();
            assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            JsonNode problem = JSON.readTree(new String(refused.body(), StandardCharsets.UTF_8));
            assertThat(problem.path("code").asString()).isEqualTo("TOKEN_NOT_ACTIVE");
            assertThat(problem.path("status").asInt()).isEqualTo(403);
            assertThat(problem.toString()).doesNotContain("\"seats\"");
        }
        Reply missing = seatMap(stage, waitingUser, null).header("Accept-Encoding", "gzip").send();
        assertThat(missing.status()).isEqualTo(401);
        assertThat(missing.code()).isEqualTo("TOKEN_MISSING");
        Reply someoneElses = seatMap(stage, waitingUser, first.token()).header("Accept-Encoding", "gzip").send();
        assertThat(someoneElses.status()).isEqualTo(401);
        assertThat(someoneElses.code()).isEqualTo("TOKEN_INVALID");
    }

    @Test
    void theApiDescription_stillGivesTheSeatMapsBody() {
        JsonNode docs = api.get("/v3/api-docs").send().json();

        JsonNode ok = docs.path("paths").path("/api/v1/concerts/{concertId}/schedules/{scheduleId}/seats")
                .path("get").path("responses").path("200");
        assertThat(ok.path("content").path("application/json").path("schema").path("$ref").asString())
                .endsWith("/SeatMapResponse");
        JsonNode seat = docs.path("components").path("schemas").path("SeatResponse").path("properties");
        assertThat(seat.propertyNames()).containsExactly("id", "number", "grade", "price", "status");
        assertThat(seat.path("status").path("enum").toString()).contains("AVAILABLE", "HELD", "SOLD");
    }
}
