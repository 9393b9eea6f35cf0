package com.concert.bootstrap.e2e;

import com.concert.bootstrap.support.Api;
import com.concert.bootstrap.support.BookingIT;
import com.concert.bootstrap.support.TestIssuer;
import com.concert.bootstrap.support.Concerts;
import com.concert.bootstrap.support.Fan;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A fuzz test: thousands of random requests to every endpoint, with random ids, query parameters, headers,
 * content types and bodies (wrong types, huge and odd numbers, deep nesting, broken JSON, raw bytes, bodies
 * over the limit), mixed with the valid values a real client would send, so that requests get past each
 * check in turn. Every answer must be below 500, every refusal an RFC 9457 problem with a {@code code} and the
 * answer's status, and no answer may show SQL, a Java class or a stack trace.
 *
 * <p>Random but repeatable: the build always sends the same requests; {@code -Dfuzz.seed=random} explores new
 * ones (the seed is printed), {@code -Dfuzz.seed=...} replays a run and {@code -Dfuzz.cases=...} asks for more.
 */
class BadInputIT extends BookingIT {

    /** The seed of the build's run: the same requests every time, so that a red build is a real regression. */
    private static final long BUILD_SEED = 20_261_201L;
    private static final long SEED = "random".equals(System.getProperty("fuzz.seed"))
            ? System.nanoTime() : Long.getLong("fuzz.seed", BUILD_SEED);
    private static final int CASES = Integer.getInteger("fuzz.cases", 4_000);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    /** What a response must never contain: the insides of the service. */
    private static final List<String> LEAKS = List.of("org.postgresql", "PSQLException", "SQLState", "SQL state",
            "ERROR: ", "java.lang.", "java.sql.", "Exception:", "\tat ", "org.springframework", "org.hibernate",
            "io.lettuce", "jakarta.", "com.concert.", "tools.jackson", "com.fasterxml");

    private static final List<String> CONTENT_TYPES = List.of("application/json", "application/json; charset=UTF-8",
            "application/json; charset=ISO-8859-1", "text/plain", "application/xml", "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x", "application/problem+json", "application/octet-stream", "*/*", "json",
            "application/json; charset=nonsense", "");
    private static final List<String> ACCEPTS = List.of("application/json", "application/problem+json", "*/*",
            "application/xml", "text/html", "text/plain", "image/png", "garbage", "application/json;q=0, */*;q=0.1");
    private static final List<String> WRONG_METHODS = List.of("PUT", "PATCH");

    /** One endpoint of the contract; path parameters in braces. */
    private record Endpoint(String method, String path, Function<Stage, JsonNode> validBody) {
    }

    /** Real things for the fuzzer to mix in: a bookable concert, an admitted fan, a held reservation. */
    private record Stage(long concertId, long scheduleId, long seatId, long reservationId, Fan fan) {
    }

    private static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("GET", "/api/v1/concerts", null),
            new Endpoint("GET", "/api/v1/concerts/{concertId}", null),
            new Endpoint("POST", "/api/v1/concerts/{concertId}/queue", null),
            new Endpoint("GET", "/api/v1/queue/status", null),
            new Endpoint("DELETE", "/api/v1/queue", null),
            new Endpoint("GET", "/api/v1/concerts/{concertId}/schedules", null),
            new Endpoint("GET", "/api/v1/concerts/{concertId}/schedules/{scheduleId}/seats", null),
            new Endpoint("POST", "/api/v1/reservations",
                    s -> JSON.createObjectNode().put("scheduleId", s.scheduleId())
                            .set("seatIds", JSON.createArrayNode().add(s.seatId()))),
            new Endpoint("GET", "/api/v1/reservations", null),
            new Endpoint("GET", "/api/v1/reservations/{reservationId}", null),
            new Endpoint("DELETE", "/api/v1/reservations/{reservationId}", null),
            new Endpoint("GET", "/api/v1/points", null),
            new Endpoint("POST", "/api/v1/points/charge", s -> JSON.createObjectNode().put("amount", 1_000)),
            new Endpoint("GET", "/api/v1/points/history", null),
            new Endpoint("POST", "/api/v1/payments", s -> JSON.createObjectNode().put("reservationId", s.reservationId())),
            new Endpoint("POST", "/api/v1/admin/concerts", s -> JSON.readTree("""
                    {"title":"Fuzz","venue":"Hall","schedules":[{"performanceAt":"2030-01-01T10:00:00Z",
                     "sections":[{"grade":"R","price":1000,"seats":2}]}]}""")));

    private Stage stage() {
        JsonNode concert = Concerts.bookable(api, Instant.now(), 50);
        long concertId = concert.path("id").asLong();
        long scheduleId = concert.path("schedules").get(0).path("id").asLong();
        Fan fan = Fan.admitted(api, 9_100_000, concertId);
        JsonNode seats = fan.seatMap(scheduleId);
        long held = fan.hold(scheduleId, List.of(seats.get(49).path("id").asLong())).json().path("id").asLong();
        return new Stage(concertId, scheduleId, seats.get(0).path("id").asLong(), held, fan);
    }

    @Test
    void randomRequestsToEveryEndpoint_neverGet5xx_andEveryRefusalIsAProblem() throws Exception {
        System.out.println("BadInputIT: seed " + SEED + " (replay with -Dfuzz.seed=" + SEED + "), " + CASES + " requests");
        Stage stage = stage();
        ConcurrentLinkedQueue<String> violations = new ConcurrentLinkedQueue<>();
        AtomicInteger refused = new AtomicInteger();
        int workers = 16;
        try (ExecutorService pool = Executors.newFixedThreadPool(workers)) {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                int worker = w;
                done.add(pool.submit(() -> {
                    Random random = new Random(SEED + worker);
                    for (int i = worker; i < CASES; i += workers) {
                        Fuzzed request = new Fuzzer(random, stage).next();
                        String problem = check(request);
                        if (problem != null) {
                            violations.add(problem);
                        }
                        if (request.refusedHint) {
                            refused.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        }

        assertThat(violations).as("seed %d: answers that broke the error model", SEED).isEmpty();
        assertThat(refused.get()).as("the fuzzer sent bad input at all").isPositive();
    }

    /** A request as sent, and whether the fuzzer broke something in it on purpose. */
    private record Fuzzed(String method, String target, List<String[]> headers, byte[] body, boolean refusedHint) {

        String describe() {
            StringBuilder text = new StringBuilder(method).append(' ').append(target);
            headers.forEach(h -> text.append(" [").append(h[0]).append(": ").append(abbreviate(h[1])).append(']'));
            if (body != null) {
                text.append(" body(").append(body.length).append(" B): ")
                        .append(abbreviate(new String(body, StandardCharsets.UTF_8)));
            }
            return text.toString();
        }
    }

    private String check(Fuzzed request) {
        HttpRequest.Builder builder;
        try {
            builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + request.target()))
                    .timeout(Duration.ofSeconds(30))
                    .method(request.method(), request.body() == null
                            ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(request.body()));
            request.headers().forEach(h -> builder.header(h[0], h[1]));
        } catch (IllegalArgumentException notSendable) {
            return "the fuzzer built a request the client cannot send (" + notSendable.getMessage() + "): "
                    + request.describe();
        }
        HttpResponse<String> response;
        try {
            response = CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return "no answer (" + e + "): " + request.describe();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
        int status = response.statusCode();
        String body = response.body();
        String seen = status + " " + abbreviate(body) + " <- " + request.describe();
        if (status >= 500) {
            return "a 5xx: " + seen;
        }
        for (String leak : LEAKS) {
            if (body.contains(leak)) {
                return "shows '" + leak.strip() + "': " + seen;
            }
        }
        if (status >= 400) {
            String type = response.headers().firstValue("Content-Type").orElse("");
            if (!type.startsWith("application/problem+json")) {
                return "a refusal as " + (type.isEmpty() ? "no content type" : type) + ": " + seen;
            }
            JsonNode problem;
            try {
                problem = JSON.readTree(body);
            } catch (RuntimeException e) {
                return "a problem that is not JSON: " + seen;
            }
            if (problem.path("code").asString("").isBlank() || problem.path("status").asInt() != status) {
                return "a problem without its code or status: " + seen;
            }
        }
        return null;
    }

    /** Builds one random request; a new one per request, over one worker's {@link Random}. */
    private final class Fuzzer {

        private final Random random;
        private final Stage stage;
        private boolean broken;

        Fuzzer(Random random, Stage stage) {
            this.random = random;
            this.stage = stage;
        }

        private boolean chance(int percent) {
            return random.nextInt(100) < percent;
        }

        private <T> T pick(List<T> options) {
            return options.get(random.nextInt(options.size()));
        }

        Fuzzed next() {
            Endpoint endpoint = pick(ENDPOINTS);
            String method = endpoint.method();
            if (chance(3)) {
                method = pick(WRONG_METHODS);
                broken = true;
            }
            String path = endpoint.path()
                    .replace("{concertId}", id(stage.concertId()))
                    .replace("{scheduleId}", id(stage.scheduleId()))
                    .replace("{reservationId}", id(stage.reservationId()));
            String target = path + query();
            List<String[]> headers = new ArrayList<>();
            if (chance(80)) {
                String token = chance(85) ? TestIssuer.shared().tokenFor(Api.subjectOf(stage.fan().userId()))
                        : TestIssuer.shared().adminToken();
                headers.add(new String[]{"Authorization", "Bearer " + token});
                if (chance(5)) {
                    // a second Authorization header, as a smuggling proxy might add
                    headers.add(new String[]{"Authorization", "Bearer " + TestIssuer.shared().adminToken()});
                    broken = true;
                }
            } else {
                if (chance(70)) {
                    headers.add(new String[]{"Authorization", pick(List.of("Bearer ", "Basic ", "bearer ", "Bearer  ", ""))
                            + text(120)});
                }
                // the header trusted before authentication: names nobody now
                if (chance(50)) {
                    headers.add(new String[]{"X-User-Id", id(stage.fan().userId())});
                }
                broken = true;
            }
            if (chance(80)) {
                headers.add(new String[]{"X-Queue-Token", chance(60) ? stage.fan().token() : text(80)});
            }
            if (chance(30)) {
                headers.add(new String[]{"Idempotency-Key", chance(50) ? "key-" + random.nextInt(1_000) : text(90)});
            }
            if (chance(30)) {
                headers.add(new String[]{"Accept", pick(ACCEPTS)});
            }
            if (chance(10)) {
                headers.add(new String[]{"X-" + word(8), text(200)});
            }
            byte[] body = null;
            if (endpoint.validBody() != null || chance(10)) {
                body = body(endpoint.validBody() == null ? null : endpoint.validBody().apply(stage));
                String contentType = chance(75) ? "application/json" : pick(CONTENT_TYPES);
                broken |= !contentType.startsWith("application/json");
                if (!contentType.isEmpty()) {
                    headers.add(new String[]{"Content-Type", contentType});
                }
            }
            return new Fuzzed(method, target, headers, body, broken);
        }

        /** A path id: mostly the real one, else anything. */
        private String id(long real) {
            if (chance(55)) {
                return Long.toString(real);
            }
            broken = true;
            List<Supplier<String>> odd = List.of(
                    () -> "0", () -> "-1", () -> "-" + real, () -> Long.toString(Long.MAX_VALUE),
                    () -> "9223372036854775808", () -> "99999999999999999999999999", () -> "1e3", () -> "1.5",
                    () -> "0x10", () -> " 1", () -> "1 ", () -> "+1", () -> "null", () -> "true", () -> "[1]",
                    () -> "\u0661\u0662", () -> "1".repeat(2_000), () -> "' OR 1=1 --", () -> text(30),
                    () -> Long.toString(random.nextLong()), () -> Integer.toString(random.nextInt()));
            return encode(pick(odd).get());
        }

        private String query() {
            if (!chance(40)) {
                return "";
            }
            List<String> parameters = new ArrayList<>();
            for (String name : List.of("page", "size")) {
                if (chance(70)) {
                    String value = chance(50) ? Integer.toString(random.nextInt(5)) : odd();
                    parameters.add(name + "=" + encode(value));
                }
            }
            if (chance(20)) {
                parameters.add(encode(word(5)) + "=" + encode(text(20)));
            }
            return parameters.isEmpty() ? "" : "?" + String.join("&", parameters);
        }

        private String odd() {
            broken = true;
            return pick(List.of("-1", "0", "101", "1000000", "2147483648", "9223372036854775808", "1e2", "abc", "",
                    "1.5", "NaN", "-0", "１", text(12)));
        }

        private byte[] body(JsonNode valid) {
            int kind = random.nextInt(100);
            if (valid != null && kind < 30) {
                return JSON.writeValueAsBytes(valid);
            }
            broken = true;
            if (valid != null && kind < 65) {
                return JSON.writeValueAsBytes(mutate(valid.deepCopy()));
            }
            if (kind < 75) {
                return randomJson(0).getBytes(StandardCharsets.UTF_8);
            }
            if (kind < 82) {
                String json = valid == null ? randomJson(0) : JSON.writeValueAsString(valid);
                return json.substring(0, random.nextInt(Math.max(1, json.length()))).getBytes(StandardCharsets.UTF_8);
            }
            if (kind < 87) {
                byte[] bytes = new byte[random.nextInt(300)];
                random.nextBytes(bytes);
                return bytes;
            }
            if (kind < 90) {
                return "[".repeat(5_000).getBytes(StandardCharsets.UTF_8);
            }
            if (kind < 93) {
                return ("{\"amount\":" + "9".repeat(5_000) + "}").getBytes(StandardCharsets.UTF_8);
            }
            if (kind < 96) {
                return ("{\"title\":\"" + "x".repeat(70 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
            }
            return new byte[0];
        }

        /** The valid body with one member changed, removed, added or duplicated. */
        private JsonNode mutate(JsonNode node) {
            if (node instanceof tools.jackson.databind.node.ObjectNode object && !object.isEmpty()) {
                List<String> names = new ArrayList<>(object.propertyNames());
                String name = pick(names);
                int what = random.nextInt(10);
                if (what == 0) {
                    object.remove(name);
                } else if (what == 1) {
                    object.set(word(6), JSON.readTree(randomJson(1)));
                } else if (what < 5 && (object.get(name).isContainer())) {
                    mutate(object.get(name));
                } else {
                    object.set(name, JSON.readTree(oddValue()));
                }
                return object;
            }
            if (node instanceof tools.jackson.databind.node.ArrayNode array) {
                int what = random.nextInt(4);
                if (what == 0 || array.isEmpty()) {
                    for (int i = random.nextInt(8); i > 0; i--) {
                        array.add(JSON.readTree(oddValue()));
                    }
                } else if (what == 1) {
                    array.removeAll();
                } else {
                    int at = random.nextInt(array.size());
                    JsonNode element = array.get(at);
                    array.set(at, element.isContainer() ? mutate(element) : JSON.readTree(oddValue()));
                }
                return array;
            }
            return JSON.readTree(oddValue());
        }

        /** A JSON value of the wrong type or an odd size, as text. */
        private String oddValue() {
            return pick(List.of("null", "true", "\"\"", JSON.writeValueAsString(text(20)), "\"100\"", "[]", "{}", "[1,2]",
                    "-1", "0", "1.5", "-0.0", "1e400", "-1e400", "2147483648", "9223372036854775807",
                    "9223372036854775808", "18446744073709551616", "1" + "0".repeat(900), "\"2030-02-30T25:61:00Z\"",
                    "\"not a date\"", "\"" + "y".repeat(5_000) + "\"", Long.toString(random.nextLong()),
                    Double.toString(random.nextDouble() * 1e12)));
        }

        private String randomJson(int depth) {
            int kind = depth > 4 ? random.nextInt(4) : random.nextInt(6);
            return switch (kind) {
                case 0 -> oddValue();
                case 1 -> Long.toString(random.nextInt(1_000_000) - 1_000);
                case 2 -> JSON.writeValueAsString(text(10));
                case 3 -> pick(List.of("true", "false", "null"));
                case 4 -> {
                    List<String> elements = new ArrayList<>();
                    for (int i = random.nextInt(5); i > 0; i--) {
                        elements.add(randomJson(depth + 1));
                    }
                    yield "[" + String.join(",", elements) + "]";
                }
                default -> {
                    List<String> members = new ArrayList<>();
                    List<String> names = List.of("amount", "scheduleId", "seatIds", "reservationId", "title", "venue",
                            "schedules", "sections", "seats", "price", "grade", "performanceAt", word(4));
                    for (int i = random.nextInt(5); i > 0; i--) {
                        members.add("\"" + pick(names) + "\":" + randomJson(depth + 1));
                    }
                    yield "{" + String.join(",", members) + "}";
                }
            };
        }

        private String word(int length) {
            StringBuilder word = new StringBuilder();
            for (int i = 0; i < 1 + random.nextInt(length); i++) {
                word.append((char) ('a' + random.nextInt(26)));
            }
            return word.toString();
        }

        /** Printable ASCII, sendable in a header; words that would look like a leak are left out by construction. */
        private String text(int maxLength) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(maxLength + 1); i > 0; i--) {
                char c = (char) (0x20 + random.nextInt(0x5f));
                text.append(Character.isLetter(c) ? Character.toLowerCase(c) : c);
            }
            return text.toString().strip();
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String abbreviate(String text) {
        String oneLine = text.replace('\n', ' ').replace('\r', ' ');
        return oneLine.length() <= 300 ? oneLine : oneLine.substring(0, 300) + "…";
    }
}
