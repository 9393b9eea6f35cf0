package com.concert.loadtest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Purchases made ready before the load starts, so that the measured part sends nothing but a hold and a payment
 * per purchase. Each purchase has a fan of its own (a payment ends the fan's queue token), new to the service,
 * who has entered the queue of the run's concert and been admitted (ACTIVE), and has been charged exactly the
 * price of the seats it is to buy, and the seats it is to hold: {@code seatsPerHold} seats of one performance,
 * read from the seat maps once here and given to no other purchase, so that no hold of the run can lose a race.
 *
 * <p>The concert has as many performances as needed for {@code purchases x seatsPerHold} seats (at most
 * {@value #SEATS_PER_SCHEDULE} each, the most a performance may have). The requests of the set-up go out
 * {@value #PARALLEL_REQUESTS} at a time; the service must admit everybody at once (a {@code concert.queue.max-active}
 * and {@code admit-batch-size} of at least {@code purchases}) and keep them admitted for the set-up and the run
 * ({@code active-ttl}), or the set-up gives up after {@code maxWait}.
 *
 * <p>{@link #next()} hands the purchases out in turn, each once; thread-safe.
 */
final class PreparedPurchases {

    /** Set-up requests in flight at once: enough to hide each round trip, a fraction of what the run sends. */
    static final int PARALLEL_REQUESTS = 32;

    /** The most seats one performance may have (the service's {@code ScheduleDraft.MAX_TOTAL_SEATS}). */
    static final int SEATS_PER_SCHEDULE = 50_000;

    private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([A-Z_]+)\"");
    /** One seat of a seat map: a flat object with its id and status. */
    private static final Pattern SEAT = Pattern.compile("\\{[^{}]*}");
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");

    /** One purchase: who buys (subject, bearer and queue token) and which seats of which performance. */
    record Purchase(String subject, String bearer, String token, long scheduleId, List<Long> seatIds) {

        /** The session attributes the simulation's requests read. */
        Map<String, Object> attributes() {
            return Map.of("subject", subject, "bearer", bearer, "token", token, "scheduleId", scheduleId,
                    "seatIds", seatIds.stream().map(String::valueOf).collect(Collectors.joining(",", "[", "]")));
        }
    }

    private final long concertId;
    private final List<Long> scheduleIds;
    private final List<Purchase> purchases;
    private final AtomicInteger handedOut = new AtomicInteger();

    private PreparedPurchases(long concertId, List<Long> scheduleIds, List<Purchase> purchases) {
        this.concertId = concertId;
        this.scheduleIds = scheduleIds;
        this.purchases = purchases;
    }

    /**
     * Creates a concert for {@code count} purchases of {@code seatsPerHold} seats each and prepares their fans,
     * named after {@code role} (distinct per set of purchases of one simulation), with tokens from {@code tokens};
     * waits at most {@code maxWait} for the fans' admission.
     */
    static PreparedPurchases prepare(String baseUrl, Tokens tokens, String role, int count, int seatsPerHold,
            Duration maxWait) {
        if (count < 1) {
            throw new IllegalArgumentException("at least one purchase, not " + count);
        }
        if (seatsPerHold < 1 || seatsPerHold > 4) {
            throw new IllegalArgumentException("a hold has 1 to 4 seats, not " + seatsPerHold);
        }
        FanPool fans = FanPool.prepare(tokens, role, count);
        AdminClient.ConcertWithSchedules concert = new AdminClient(baseUrl, tokens)
                .createConcert("Purchase load test " + Instant.now(), seatCounts(count, seatsPerHold));
        try (Setup setup = new Setup(baseUrl)) {
            long started = System.nanoTime();
            String[] queueTokens = new String[count];
            long amount = (long) seatsPerHold * AdminClient.SEAT_PRICE;
            // entering first and charging second gives the admission ticks time to admit the first fans
            setup.inParallel(count, i -> {
                queueTokens[i] = match(TOKEN, setup.send(HttpRequest.newBuilder(
                                URI.create(baseUrl + "/api/v1/concerts/" + concert.id() + "/queue"))
                        .header("Authorization", "Bearer " + fans.bearer(i))
                        .POST(HttpRequest.BodyPublishers.noBody()), Set.of(200, 201)));
                setup.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/points/charge"))
                        .header("Authorization", "Bearer " + fans.bearer(i))
                        .header("Content-Type", "application/json")
                        .header("Idempotency-Key", "charge-" + fans.subject(i))
                        .POST(HttpRequest.BodyPublishers.ofString("{\"amount\":" + amount + "}")), Set.of(200));
            });
            System.out.printf("PreparedPurchases: %,d fans entered the queue of concert %d and were charged %,d "
                    + "points each in %.1f s%n", count, concert.id(), amount, seconds(started));
            long admitting = System.nanoTime();
            setup.awaitAdmission(fans, queueTokens, maxWait);
            System.out.printf("PreparedPurchases: all admitted %.1f s later%n", seconds(admitting));
            List<List<Long>> lots = new ArrayList<>();
            List<Long> lotSchedules = new ArrayList<>();
            for (long scheduleId : concert.scheduleIds()) {
                List<Long> seats = setup.availableSeats(concert.id(), scheduleId, fans.bearer(0), queueTokens[0]);
                for (int first = 0; first + seatsPerHold <= seats.size(); first += seatsPerHold) {
                    lots.add(List.copyOf(seats.subList(first, first + seatsPerHold)));
                    lotSchedules.add(scheduleId);
                }
            }
            if (lots.size() < count) {
                throw new IllegalStateException("the seat maps of concert " + concert.id() + " have seats for "
                        + lots.size() + " holds of " + seatsPerHold + ", not " + count);
            }
            List<Purchase> purchases = IntStream.range(0, count)
                    .mapToObj(i -> new Purchase(fans.subject(i), fans.bearer(i), queueTokens[i], lotSchedules.get(i),
                            lots.get(i)))
                    .toList();
            return new PreparedPurchases(concert.id(), concert.scheduleIds(), purchases);
        }
    }

    /**
     * Charges each fan of {@code fans} {@code amount} points, {@value #PARALLEL_REQUESTS} requests at a time, with
     * an {@code Idempotency-Key} of the fan's own: wallets filled before the load starts.
     */
    static void charge(String baseUrl, FanPool fans, long amount) {
        try (Setup setup = new Setup(baseUrl)) {
            long started = System.nanoTime();
            setup.inParallel(fans.size(), i -> setup.send(HttpRequest.newBuilder(
                            URI.create(baseUrl + "/api/v1/points/charge"))
                    .header("Authorization", "Bearer " + fans.bearer(i))
                    .header("Content-Type", "application/json")
                    .header("Idempotency-Key", "charge-" + fans.subject(i))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"amount\":" + amount + "}")), Set.of(200)));
            System.out.printf("PreparedPurchases: %,d fans charged %,d points each in %.1f s%n", fans.size(), amount,
                    seconds(started));
        }
    }

    /**
     * Seats per performance for {@code count} holds of {@code seatsPerHold}: as few performances as hold them
     * all, the holds shared evenly, every performance a whole number of holds.
     */
    static List<Integer> seatCounts(int count, int seatsPerHold) {
        int holdsPerSchedule = SEATS_PER_SCHEDULE / seatsPerHold;
        int schedules = (count + holdsPerSchedule - 1) / holdsPerSchedule;
        return IntStream.range(0, schedules)
                .mapToObj(j -> (count / schedules + (j < count % schedules ? 1 : 0)) * seatsPerHold)
                .toList();
    }

    long concertId() {
        return concertId;
    }

    List<Long> scheduleIds() {
        return scheduleIds;
    }

    int size() {
        return purchases.size();
    }

    /** The next purchase not handed out yet, or empty once all have been. */
    Optional<Purchase> next() {
        int index = handedOut.getAndIncrement();
        return index < purchases.size() ? Optional.of(purchases.get(index)) : Optional.empty();
    }

    private static String match(Pattern pattern, String body) {
        Matcher matcher = pattern.matcher(body);
        if (!matcher.find()) {
            throw new IllegalStateException("no " + pattern + " in " + body);
        }
        return matcher.group(1);
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    /** The set-up's HTTP client and threads, for the time of the set-up. */
    private static final class Setup implements AutoCloseable {

        private final String baseUrl;
        private final ExecutorService pool = Executors.newFixedThreadPool(PARALLEL_REQUESTS,
                Thread.ofPlatform().daemon().name("purchase-setup-", 1).factory());
        // HTTP/1.1 as Gatling speaks it, and without the HTTP/2 upgrade attempt on the first requests
        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();

        Setup(String baseUrl) {
            this.baseUrl = baseUrl;
        }

        /** Runs {@code task} for 0 to {@code count - 1} on the pool; the first failure ends the set-up. */
        void inParallel(int count, IntConsumer task) {
            List<Future<?>> pending = IntStream.range(0, count)
                    .<Future<?>>mapToObj(i -> pool.submit(() -> task.accept(i)))
                    .toList();
            try {
                for (Future<?> each : pending) {
                    each.get();
                }
            } catch (ExecutionException e) {
                pending.forEach(each -> each.cancel(false));
                if (e.getCause() instanceof RuntimeException cause) {
                    throw cause;
                }
                throw new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        /** Polls each fan's status, again every half second for those still waiting, until all are ACTIVE. */
        void awaitAdmission(FanPool fans, String[] queueTokens, Duration maxWait) {
            Instant deadline = Instant.now().plus(maxWait);
            List<Integer> waiting = IntStream.range(0, queueTokens.length).boxed().toList();
            while (true) {
                ConcurrentLinkedQueue<Integer> stillWaiting = new ConcurrentLinkedQueue<>();
                List<Integer> polled = waiting;
                inParallel(polled.size(), n -> {
                    int i = polled.get(n);
                    String answer = send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/queue/status"))
                            .header("Authorization", "Bearer " + fans.bearer(i))
                            .header("X-Queue-Token", queueTokens[i])
                            .GET(), Set.of(200));
                    String status = match(STATUS, answer);
                    if (!"ACTIVE".equals(status)) {
                        stillWaiting.add(i);
                    }
                });
                if (stillWaiting.isEmpty()) {
                    return;
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException(stillWaiting.size() + " fans were not admitted within " + maxWait
                            + ": start the service with concert.queue.max-active and admit-batch-size of at least "
                            + queueTokens.length);
                }
                waiting = List.copyOf(stillWaiting);
                sleep(Duration.ofMillis(500));
            }
        }

        /** The ids of the seats of one performance that are AVAILABLE, in the seat map's order. */
        List<Long> availableSeats(long concertId, long scheduleId, String bearer, String queueToken) {
            String map = send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/concerts/" + concertId
                            + "/schedules/" + scheduleId + "/seats"))
                    .header("Authorization", "Bearer " + bearer)
                    .header("X-Queue-Token", queueToken)
                    .GET(), Set.of(200));
            List<Long> available = new ArrayList<>();
            Matcher seat = SEAT.matcher(map.substring(map.indexOf("\"seats\"")));
            while (seat.find()) {
                String object = seat.group();
                if ("AVAILABLE".equals(match(STATUS, object))) {
                    available.add(Long.parseLong(match(ID, object)));
                }
            }
            return available;
        }

        String send(HttpRequest.Builder request, Set<Integer> expected) {
            try {
                HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (!expected.contains(response.statusCode())) {
                    throw new IllegalStateException(request.build().method() + " " + response.uri() + " answered "
                            + response.statusCode() + ": " + response.body()
                            + Tokens.refusalHint(response.statusCode()));
                }
                return response.body();
            } catch (IOException e) {
                throw new IllegalStateException("the service at " + baseUrl + " does not answer: " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        private static void sleep(Duration pause) {
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void close() {
            pool.shutdownNow();
            http.close();
        }
    }
}
