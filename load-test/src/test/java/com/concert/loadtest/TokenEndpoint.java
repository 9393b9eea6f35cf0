package com.concert.loadtest;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tokens from an OAuth 2.0 token endpoint by the client credentials grant, as the development identity provider
 * issues them: a user's with the extra parameter {@code user=NAME} (the token's subject), the operator's with
 * {@code scope=concert:admin}, each client authenticating with HTTP Basic. One HTTP client for every request, so
 * that fetching thousands of tokens reuses its connections instead of opening one per token.
 */
final class TokenEndpoint implements Tokens.Source {

    private static final String ADMIN_SCOPE = "concert:admin";
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern EXPIRES_IN = Pattern.compile("\"expires_in\"\\s*:\\s*(\\d+)");
    /** Assumed when the answer does not say (expires_in is only recommended): the operator's shortest lifetime. */
    private static final Duration UNSAID_LIFETIME = Duration.ofMinutes(5);

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final URI tokenUrl;
    private final String userClient;
    private final String operatorClient;
    private final Clock clock;

    /** {@code userClient} and {@code operatorClient} are {@code id:secret}. */
    TokenEndpoint(URI tokenUrl, String userClient, String operatorClient, Clock clock) {
        this.tokenUrl = tokenUrl;
        this.userClient = basic(userClient, "-DuserClient");
        this.operatorClient = basic(operatorClient, "-DadminClient");
        this.clock = clock;
    }

    @Override
    public Tokens.Issued user(String subject) {
        return request(userClient, "user=" + form(subject), "user " + subject);
    }

    @Override
    public Tokens.Issued operator() {
        return request(operatorClient, "scope=" + form(ADMIN_SCOPE), "the operator (scope " + ADMIN_SCOPE + ")");
    }

    @Override
    public String description() {
        return "from " + tokenUrl;
    }

    private Tokens.Issued request(String authorization, String parameters, String forWhom) {
        HttpRequest request = HttpRequest.newBuilder(tokenUrl)
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", authorization)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&" + parameters))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("the identity provider at " + tokenUrl + " does not answer (" + e
                    + "): start the development run (./mvnw -pl bootstrap -am spring-boot:test-run), name another "
                    + "token endpoint with -DtokenUrl, or sign tokens here with -DjwtKey", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking " + tokenUrl + " for a token", e);
        }
        Matcher token = ACCESS_TOKEN.matcher(response.body());
        if (response.statusCode() != 200 || !token.find()) {
            throw new IllegalStateException("the identity provider at " + tokenUrl + " refused a token for " + forWhom
                    + ": " + response.statusCode() + " " + response.body()
                    + " (check -DuserClient and -DadminClient, given as id:secret)");
        }
        Matcher expiresIn = EXPIRES_IN.matcher(response.body());
        Duration lifetime = expiresIn.find() ? Duration.ofSeconds(Long.parseLong(expiresIn.group(1))) : UNSAID_LIFETIME;
        return new Tokens.Issued(token.group(1), clock.instant().plus(lifetime));
    }

    /** The HTTP Basic header for {@code id:secret}, each part form-encoded first as RFC 6749 (2.3.1) asks. */
    private static String basic(String client, String property) {
        int colon = client.indexOf(':');
        if (colon < 1) {
            throw new IllegalArgumentException(property + " must be id:secret");
        }
        String credentials = form(client.substring(0, colon)) + ":" + form(client.substring(colon + 1));
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    private static String form(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
