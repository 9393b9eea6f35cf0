import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The workload the service's ahead-of-time cache is trained on (JDK 25, {@code -XX:AOTCacheOutput}: the classes
 * loaded and linked, and the methods' profiles, of a run like this one; docs/adr/0019-ahead-of-time-cache.md).
 * Fans, each a subject of its own, do what fans do in a sale: the catalog, the storefront, a charge, the waiting
 * line until admitted, the seat map (gzip and plain), holds (lost races included), cancellations, payments (a repeat
 * with the same key, a payment refused for want of points), their history, leaving the line; and the rejections a
 * sale sees: no or a forged bearer token, no queue token, a waiting token, a charge of zero, five seats at once.
 *
 * <pre>java docker/aot/Training.java http://127.0.0.1:8080 private-key.pem [fans (2000)] [parallel (48)]</pre>
 *
 * The service must trust the key's public half ({@code spring.security.oauth2.resourceserver.jwt.public-key-location}),
 * admit fans quickly ({@code concert.queue.admit-interval} of a fraction of a second) and allow one address all
 * these requests ({@code concert.rate-limit.per-address=0}). Any answer the HTTP contract does not give for that
 * request (a 5xx among them) makes the exit code 1: a training run is a smoke test of the build it trains.
 * JDK only, one file, so that the image build compiles and runs it without the Maven build's dependencies.
 */
public final class Training {

    private static final int SEAT_PRICE = 50_000;
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final Pattern SCHEDULE_ID = Pattern.compile("\\{[^{}]*?\"id\"\\s*:\\s*(\\d+)[^{}]*}");
    private static final Pattern SEAT = Pattern.compile("\\{\"id\":(\\d+),[^{}]*?\"status\":\"(\\w+)\"}");

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final String baseUrl;
    private final PrivateKey key;
    private final String run = Long.toString(System.currentTimeMillis(), 36);
    private final Map<String, LongAdder> answers = new ConcurrentHashMap<>();
    private final List<String> unexpected = new ArrayList<>();
    private final AtomicInteger paid = new AtomicInteger();
    private final AtomicInteger soldOut = new AtomicInteger();

    private Training(String baseUrl, PrivateKey key) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.key = key;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: java Training.java BASE_URL PRIVATE_KEY_PEM [FANS] [PARALLEL]");
            System.exit(2);
        }
        int fans = args.length > 2 ? Integer.parseInt(args[2]) : 2_000;
        int parallel = args.length > 3 ? Integer.parseInt(args[3]) : 48;
        Training training = new Training(args[0], readKey(Path.of(args[1])));
        Instant started = Instant.now();
        boolean clean = training.sale(fans, parallel);
        System.out.printf("training: %d fans, %d paid, %d found a performance sold out, in %.1f s%n", fans,
                training.paid.get(), training.soldOut.get(),
                Duration.between(started, Instant.now()).toMillis() / 1000.0);
        new TreeMap<>(training.answers).forEach((answer, count) -> System.out.printf("  %6d  %s%n", count.sum(), answer));
        if (!clean) {
            System.err.println("training: answers the contract does not give:");
            training.unexpected.stream().limit(20).forEach(line -> System.err.println("  " + line));
            System.exit(1);
        }
    }

    /** One concert of two performances, fewer seats than the fans want, and {@code fans} fans going for them. */
    private boolean sale(int fans, int parallel) throws InterruptedException {
        int seatsPerSchedule = Math.max(4, fans * 3 / 4);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String concert = """
                {"title":"Training sale %s","venue":"Training Hall","schedules":[
                 {"performanceAt":"%s","bookingOpensAt":"%s","sections":[{"grade":"VIP","price":%d,"seats":%d},
                  {"grade":"R","price":%d,"seats":%d}]},
                 {"performanceAt":"%s","bookingOpensAt":"%s","sections":[{"grade":"R","price":%d,"seats":%d}]}]}"""
                .formatted(run, now.plus(Duration.ofDays(30)), now.minus(Duration.ofHours(1)), SEAT_PRICE,
                        seatsPerSchedule / 4, SEAT_PRICE, seatsPerSchedule - seatsPerSchedule / 4,
                        now.plus(Duration.ofDays(31)), now.minus(Duration.ofHours(1)), SEAT_PRICE, seatsPerSchedule);
        String operator = token("training-operator", "concert:admin");
        Answer created = send("create concert", request("/api/v1/admin/concerts", operator)
                .header("Content-Type", "application/json").POST(body(concert)), 201);
        String notYetOpen = """
                {"title":"Training presale %s","venue":"Training Hall","schedules":[
                 {"performanceAt":"%s","bookingOpensAt":"%s","sections":[{"grade":"R","price":%d,"seats":10}]}]}"""
                .formatted(run, now.plus(Duration.ofDays(60)), now.plus(Duration.ofDays(7)), SEAT_PRICE);
        Answer presale = send("create concert", request("/api/v1/admin/concerts", operator)
                .header("Content-Type", "application/json").POST(body(notYetOpen)), 201);
        send("create concert, no operator scope", request("/api/v1/admin/concerts", token("training-fan", null))
                .header("Content-Type", "application/json").POST(body(notYetOpen)), 403);
        if (created.status != 201 || presale.status != 201) {
            return false;
        }
        long concertId = firstNumber(created.body);
        List<Long> scheduleIds = new ArrayList<>();
        Matcher schedules = SCHEDULE_ID.matcher(created.body.substring(created.body.indexOf("\"schedules\"")));
        while (schedules.find()) {
            scheduleIds.add(Long.parseLong(schedules.group(1)));
        }
        Sale sale = new Sale(concertId, scheduleIds, firstNumber(presale.body));
        try (ExecutorService pool = Executors.newFixedThreadPool(parallel)) {
            for (int fan = 0; fan < fans; fan++) {
                int number = fan;
                pool.execute(() -> {
                    try {
                        sale.visit(number);
                    } catch (RuntimeException e) {
                        unexpected("fan " + number + ": " + e);
                    }
                });
            }
            pool.shutdown();
            if (!pool.awaitTermination(30, TimeUnit.MINUTES)) {
                unexpected("the fans did not finish within 30 minutes");
            }
        }
        return unexpected.isEmpty();
    }

    /** What fans of one concert do. */
    private final class Sale {

        private final long concertId;
        private final List<Long> scheduleIds;
        private final long presaleId;

        Sale(long concertId, List<Long> scheduleIds, long presaleId) {
            this.concertId = concertId;
            this.scheduleIds = scheduleIds;
            this.presaleId = presaleId;
        }

        void visit(int number) {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            String bearer = token("training-" + run + "-" + number, null);
            boolean odd = number % 10 == 7;
            send("catalog", request("/api/v1/concerts?page=0&size=20", null).GET(), 200);
            send("concert", request("/api/v1/concerts/" + concertId, null).GET(), 200);
            if (number % 5 == 0) {
                send("storefront", request("/", null).GET(), 200);
                send("storefront config", request("/storefront/config", null).GET(), 200);
            }
            int seats = 1 + random.nextInt(2);
            // one fan in ten tops up too little at first, and is refused the payment before charging the rest
            long firstCharge = odd ? SEAT_PRICE / 2 : (long) seats * SEAT_PRICE;
            send("charge", request("/api/v1/points/charge", bearer).header("Idempotency-Key", "charge-" + number)
                    .header("Content-Type", "application/json").POST(body("{\"amount\":" + firstCharge + "}")), 200);
            send("balance", request("/api/v1/points", bearer).GET(), 200);
            if (odd) {
                rejections(bearer);
            }
            Answer entered = send("enter", request("/api/v1/concerts/" + concertId + "/queue", bearer)
                    .POST(HttpRequest.BodyPublishers.noBody()), 200, 201);
            if (entered.status / 100 != 2) {
                return;
            }
            String queueToken = field(entered.body, "token");
            String seatMapPath = "/api/v1/concerts/" + concertId + "/schedules/"
                    + scheduleIds.get(random.nextInt(scheduleIds.size())) + "/seats";
            // asked too early: still waiting, or let in already
            send("seat map, maybe waiting", request(seatMapPath, bearer).header("X-Queue-Token", queueToken).GET(),
                    200, 403);
            if (!waitUntilActive(bearer, queueToken)) {
                return;
            }
            send("schedules", request("/api/v1/concerts/" + concertId + "/schedules", bearer)
                    .header("X-Queue-Token", queueToken).GET(), 200);
            if (odd) {
                expectCode("five seats", send("five seats", request("/api/v1/reservations", bearer)
                        .header("X-Queue-Token", queueToken).header("Content-Type", "application/json")
                        .POST(body("{\"scheduleId\":" + scheduleIds.getFirst() + ",\"seatIds\":[1,2,3,4,5]}")),
                        400), "VALIDATION_FAILED");
            }
            Long reservationId = null;
            boolean cancelled = false;
            for (int attempt = 0; attempt < 8 && reservationId == null; attempt++) {
                HttpRequest.Builder seatMap = request(seatMapPath, bearer).header("X-Queue-Token", queueToken);
                if (random.nextBoolean()) {
                    seatMap.header("Accept-Encoding", "gzip");
                }
                Answer map = send("seat map", seatMap.GET(), 200);
                List<Long> picked = pick(map.body, seats, random);
                if (picked.isEmpty()) {
                    soldOut.incrementAndGet();
                    break;
                }
                Answer held = hold(bearer, queueToken, seatMapPath, picked);
                if (held.status == 201) {
                    reservationId = firstNumber(held.body);
                    if (number % 10 == 3 && !cancelled) {
                        cancelled = true;
                        // changed their mind: the seats go back at once, and they hold others
                        send("cancel", request("/api/v1/reservations/" + reservationId, bearer).DELETE(), 204);
                        reservationId = null;
                    }
                }
            }
            if (reservationId == null) {
                send("leave", request("/api/v1/queue", bearer).header("X-Queue-Token", queueToken).DELETE(), 204);
                return;
            }
            send("reservation", request("/api/v1/reservations/" + reservationId, bearer).GET(), 200);
            String payment = "{\"reservationId\":" + reservationId + "}";
            if (odd) {
                send("pay, too few points", pay(bearer, queueToken, "pay-short-" + number, payment), 409);
                send("charge", request("/api/v1/points/charge", bearer).header("Content-Type", "application/json")
                        .POST(body("{\"amount\":" + (long) seats * SEAT_PRICE + "}")), 200);
            }
            Answer paidAnswer = send("pay", pay(bearer, queueToken, "pay-" + number, payment), 201);
            if (paidAnswer.status == 201) {
                paid.incrementAndGet();
                if (number % 10 == 1) {
                    // a retry after a lost answer: the first result again, nothing paid twice
                    send("pay, repeated", pay(bearer, queueToken, "pay-" + number, payment), 201);
                }
            }
            send("reservations", request("/api/v1/reservations", bearer).GET(), 200);
            send("history", request("/api/v1/points/history?page=0&size=20", bearer).GET(), 200);
        }

        private boolean waitUntilActive(String bearer, String queueToken) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (System.nanoTime() < deadline) {
                Answer status = send("status", request("/api/v1/queue/status", bearer)
                        .header("X-Queue-Token", queueToken).GET(), 200);
                if (status.status != 200) {
                    return false;
                }
                if ("ACTIVE".equals(field(status.body, "status"))) {
                    return true;
                }
                sleep(200);
            }
            unexpected("a fan waited 120 s without being let in");
            return false;
        }

        private Answer hold(String bearer, String queueToken, String seatMapPath, List<Long> seatIds) {
            long scheduleId = Long.parseLong(seatMapPath.replaceAll(".*/schedules/(\\d+)/seats", "$1"));
            String ids = seatIds.stream().map(String::valueOf).reduce((a, b) -> a + "," + b).orElseThrow();
            Answer held = send("hold", request("/api/v1/reservations", bearer).header("X-Queue-Token", queueToken)
                    .header("Content-Type", "application/json")
                    .POST(body("{\"scheduleId\":" + scheduleId + ",\"seatIds\":[" + ids + "]}")), 201, 409);
            if (held.status == 409 && !"SEAT_UNAVAILABLE".equals(field(held.body, "code"))) {
                unexpected("hold: " + held.body);
            }
            return held;
        }

        private HttpRequest pay(String bearer, String queueToken, String key, String payment) {
            return request("/api/v1/payments", bearer).header("X-Queue-Token", queueToken)
                    .header("Idempotency-Key", key).header("Content-Type", "application/json")
                    .POST(body(payment)).build();
        }

        /** The errors a sale answers every minute, each with the code the contract gives. */
        private void rejections(String bearer) {
            expectCode("no bearer token", send("no bearer token",
                    request("/api/v1/points", null).GET(), 401), "UNAUTHENTICATED");
            expectCode("forged bearer token", send("forged bearer token",
                    request("/api/v1/points", bearer.substring(0, bearer.length() - 4) + "AAAA").GET(), 401),
                    "UNAUTHENTICATED");
            expectCode("charge of zero", send("charge of zero", request("/api/v1/points/charge", bearer)
                    .header("Content-Type", "application/json").POST(body("{\"amount\":0}")), 400), "INVALID_AMOUNT");
            expectCode("no queue token", send("no queue token", request("/api/v1/concerts/" + concertId
                    + "/schedules", bearer).GET(), 401), "TOKEN_MISSING");
            expectCode("unknown queue token", send("unknown queue token", request("/api/v1/queue/status", bearer)
                    .header("X-Queue-Token", "q_unknown" + run).GET(), 401), "TOKEN_INVALID");
            expectCode("not bookable", send("not bookable", request("/api/v1/concerts/" + presaleId + "/queue",
                    bearer).POST(HttpRequest.BodyPublishers.noBody()), 409), "CONCERT_NOT_AVAILABLE");
            expectCode("malformed body", send("malformed body", request("/api/v1/points/charge", bearer)
                    .header("Content-Type", "application/json").POST(body("{\"amount\":")), 400),
                    "MALFORMED_REQUEST");
        }

        private void expectCode(String what, Answer answer, String code) {
            if (answer.status / 100 == 4 && !code.equals(field(answer.body, "code"))) {
                unexpected(what + ": expected " + code + ", got " + answer.body);
            }
        }
    }

    /** {@code count} random AVAILABLE seats of a seat map, fewer when fewer are left. */
    private static List<Long> pick(String seatMap, int count, ThreadLocalRandom random) {
        List<Long> available = new ArrayList<>();
        Matcher seat = SEAT.matcher(seatMap);
        while (seat.find()) {
            if ("AVAILABLE".equals(seat.group(2))) {
                available.add(Long.parseLong(seat.group(1)));
            }
        }
        List<Long> picked = new ArrayList<>();
        while (picked.size() < count && !available.isEmpty()) {
            picked.add(available.remove(random.nextInt(available.size())));
        }
        return picked;
    }

    private record Answer(int status, String body) {
    }

    private HttpRequest.Builder request(String path, String bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
        return bearer == null ? request : request.header("Authorization", "Bearer " + bearer);
    }

    private Answer send(String what, HttpRequest.Builder request, int... expected) {
        return send(what, request.build(), expected);
    }

    /** Sends, counts the answer under {@code what} and its status, and notes it when no expected status. */
    private Answer send(String what, HttpRequest request, int... expected) {
        Answer answer;
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            byte[] body = response.body();
            if (response.headers().firstValue("Content-Encoding").filter("gzip"::equalsIgnoreCase).isPresent()) {
                body = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(body)).readAllBytes();
            }
            answer = new Answer(response.statusCode(), new String(body, StandardCharsets.UTF_8));
        } catch (IOException e) {
            answer = new Answer(0, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            answer = new Answer(0, e.toString());
        }
        answers.computeIfAbsent(what + " " + answer.status, ignored -> new LongAdder()).increment();
        for (int status : expected) {
            if (answer.status == status) {
                return answer;
            }
        }
        unexpected(what + ": " + answer.status + " " + answer.body.substring(0, Math.min(300, answer.body.length())));
        return answer;
    }

    private synchronized void unexpected(String line) {
        unexpected.add(line);
    }

    private static HttpRequest.BodyPublisher body(String json) {
        return HttpRequest.BodyPublishers.ofString(json);
    }

    private static long firstNumber(String json) {
        Matcher id = Pattern.compile("\"id\"\\s*:\\s*(\\d+)").matcher(json);
        if (!id.find()) {
            throw new IllegalStateException("no id in " + json);
        }
        return Long.parseLong(id.group(1));
    }

    /** A string member of a flat JSON answer, or null. */
    private static String field(String json, String name) {
        Matcher value = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        return value.find() ? value.group(1) : null;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** An RS256 token of {@code subject}, valid for two hours, with {@code scope} when not null. */
    private String token(String subject, String scope) {
        long now = Instant.now().getEpochSecond();
        String claims = "{\"sub\":\"" + subject + "\",\"iat\":" + now + ",\"exp\":" + (now + 7_200)
                + (scope == null ? "" : ",\"scope\":\"" + scope + "\"") + "}";
        String signingInput = encode("{\"alg\":\"RS256\",\"typ\":\"JWT\"}") + "." + encode(claims);
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key);
            rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + BASE64URL.encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a token: " + e, e);
        }
    }

    private static String encode(String json) {
        return BASE64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    /** An unencrypted PKCS#8 RSA key in PEM, as {@code openssl genpkey} writes it. */
    private static PrivateKey readKey(Path pem) throws IOException, GeneralSecurityException {
        String text = Files.readString(pem, StandardCharsets.US_ASCII);
        String base64 = text.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }
}
