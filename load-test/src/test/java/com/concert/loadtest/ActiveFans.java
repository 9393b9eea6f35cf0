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
 * enters the line and polls until ACTIVE (the service's next admission tick).
 */
final class ActiveFans {

    record Fan(long userId, String token) {
    }

    private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");

    private ActiveFans() {
    }

    /** {@code count} fans with users from {@code firstUserId}, all ACTIVE for {@code concertId}. */
    static List<Fan> admit(String baseUrl, long concertId, int count, long firstUserId, Duration maxWait) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        List<Fan> fans = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long user = firstUserId + i;
            String body = send(http, HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/concerts/" + concertId + "/queue"))
                    .header("X-User-Id", Long.toString(user))
                    .POST(HttpRequest.BodyPublishers.noBody()));
            Matcher token = TOKEN.matcher(body);
            if (!token.find()) {
                throw new IllegalStateException("no token in " + body);
            }
            fans.add(new Fan(user, token.group(1)));
        }
        Instant deadline = Instant.now().plus(maxWait);
        for (Fan fan : fans) {
            while (!send(http, HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/queue/status"))
                    .header("X-User-Id", Long.toString(fan.userId()))
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
                throw new IllegalStateException(response.uri() + " answered " + response.statusCode() + ": " + response.body());
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
