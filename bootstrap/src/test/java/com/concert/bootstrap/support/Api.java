package com.concert.bootstrap.support;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A small HTTP client for end-to-end tests: what a front end would send, and what it gets back. */
public final class Api {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    private final String baseUrl;

    public Api(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public Call get(String path) {
        return new Call("GET", path, null);
    }

    public Call post(String path, Object body) {
        return new Call("POST", path, body);
    }

    public Call delete(String path) {
        return new Call("DELETE", path, null);
    }

    public Call method(String method, String path, Object body) {
        return new Call(method, path, body);
    }

    /** The subject test user {@code n} is known by to the identity provider. */
    public static String subjectOf(long n) {
        return "test-user-" + n;
    }

    /** The service's own user id of test user {@code n} (made on the user's first call, if this is it). */
    public long userIdOf(long n) {
        Reply points = get("/api/v1/points").user(n).send();
        if (points.status() != 200) {
            throw new IllegalStateException("could not identify test user " + n + ": " + points);
        }
        return points.json().path("userId").asLong();
    }

    public static String json(Object value) {
        return value instanceof String text ? text : JSON.writeValueAsString(value);
    }

    public final class Call {

        private final String method;
        private final String path;
        private final Object body;
        private final List<String[]> headers = new ArrayList<>();

        private Call(String method, String path, Object body) {
            this.method = method;
            this.path = path;
            this.body = body;
            if (body != null) {
                headers.add(new String[]{"Content-Type", "application/json"});
            }
        }

        /** Sets a header, replacing any earlier value of it. */
        public Call header(String name, Object value) {
            headers.removeIf(h -> h[0].equalsIgnoreCase(name));
            headers.add(new String[]{name, String.valueOf(value)});
            return this;
        }

        /** Adds one more header line of {@code name}, beside any it already has. */
        public Call addHeader(String name, Object value) {
            headers.add(new String[]{name, String.valueOf(value)});
            return this;
        }

        /** As test user {@code n}: a valid token of the test issuer for the subject {@link #subjectOf(long)}. */
        public Call user(long n) {
            return bearer(TestIssuer.shared().tokenFor(subjectOf(n)));
        }

        /** As an operator: a valid token with the scope {@code concert:admin}. */
        public Call asAdmin() {
            return bearer(TestIssuer.shared().adminToken());
        }

        public Call bearer(String token) {
            return header("Authorization", "Bearer " + token);
        }

        public Reply send() {
            return new Reply(exchange(HttpResponse.BodyHandlers.ofString()));
        }

        /** The response with its body as the bytes that came, for a body that is not text (gzip-compressed). */
        public HttpResponse<byte[]> sendForBytes() {
            return exchange(HttpResponse.BodyHandlers.ofByteArray());
        }

        private <T> HttpResponse<T> exchange(HttpResponse.BodyHandler<T> handler) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .timeout(Duration.ofSeconds(30))
                    .method(method, body == null
                            ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(json(body)));
            headers.forEach(h -> request.header(h[0], h[1]));
            try {
                return CLIENT.send(request.build(), handler);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    public static final class Reply {

        private final HttpResponse<String> response;
        private JsonNode json;

        Reply(HttpResponse<String> response) {
            this.response = response;
        }

        public int status() {
            return response.statusCode();
        }

        public String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }

        public String contentType() {
            return header("Content-Type");
        }

        public String text() {
            return response.body();
        }

        public JsonNode json() {
            if (json == null) {
                json = JSON.readTree(response.body());
            }
            return json;
        }

        /** The {@code code} member of a problem body. */
        public String code() {
            return json().path("code").asString();
        }

        @Override
        public String toString() {
            return response.statusCode() + " " + response.body();
        }
    }
}
