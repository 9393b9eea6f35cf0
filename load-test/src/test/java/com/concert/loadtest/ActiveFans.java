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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fans admitted to a concert before the load starts, for simulations of the reads behind the queue: each
 * enters the line and polls until ACTIVE (the service's next admission tick). Each is a new subject of this run
 * with its bearer token (see {@link FanPool}).
 */
final class ActiveFans {

    /** An admitted fan: who (the token's subject), its bearer token, and its queue token. */
    record Fan(String subject, String bearer, String token) {
    }

    private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");

    private ActiveFans() {
    }

    /** {@code count} new fans, tokens from {@code tokens}, all ACTIVE for {@code concertId}. */
    static List<Fan> admit(String baseUrl, Tokens tokens, long concertId, int count, Duration maxWait) {
        FanPool pool = FanPool.prepare(tokens, "admitted", count);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        List<Fan> fans = new ArrayList<>();
        for (int i = 0; i < pool.size(); i++) {
            String body = send(http, HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/concerts/" + concertId + "/queue"))
                    .header("Authorization", "Bearer " + pool.bearer(i))
                    .POST(HttpRequest.BodyPublishers.noBody()));
            Matcher token = TOKEN.matcher(body);
            if (!token.find()) {
                throw new IllegalStateException("no token in " + body);
            }
            fans.add(new Fan(pool.subject(i), pool.bearer(i), token.group(1)));
        }
        Instant deadline = Instant.now().plus(maxWait);
        for (Fan fan : fans) {
            while (!send(http, HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/queue/status"))
                    .header("Authorization", "Bearer " + fan.bearer())
                    .header("X-Queue-Token", fan.token()).GET()).contains("\"ACTIVE\"")) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("fans were not admitted within " + maxWait);
                }
                sleep();
            }
        }
        return fans;
    }

    private static String send(HttpClient http, HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException(response.uri() + " answered " + response.statusCode() + ": "
                        + response.body() + Tokens.refusalHint(response.statusCode()));
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException("the service does not answer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
