package com.concert.loadtest;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The bearer tokens a run sends, obtained before the load starts: from an OAuth 2.0 token endpoint (the
 * development identity provider by default, see {@link TokenEndpoint}) or signed by the load generator itself
 * with a private key the service under test trusts ({@link JwtSigner}). Simulations do not care which:
 * {@link #forUser(String)} and {@link #forOperator()} hide it, and {@link LoadTestSettings#tokens()} picks one
 * from the system properties.
 *
 * <p>User tokens are kept per subject for the whole run (they last two hours, longer than any run), so asking
 * again costs nothing. The operator's token is short-lived at the development issuer (five minutes) and is
 * replaced once it has less than a minute left, so that set-up spanning several minutes keeps working.
 * Thread-safe.
 */
final class Tokens {

    /**
     * Token requests in flight at once while preparing many fans: enough to hide each request's round trip,
     * few enough that the issuer, usually in the service's own JVM, is not the thing being load-tested.
     */
    static final int PARALLEL_REQUESTS = 16;

    private static final Duration RENEW_BEFORE_EXPIRY = Duration.ofMinutes(1);

    /** Where tokens come from: an identity provider, or a key of our own. */
    interface Source {

        Issued user(String subject);

        Issued operator();

        /** Where tokens come from, as in "from URL" or "signed with FILE", for the progress line. */
        String description();
    }

    /** A token and when it stops being accepted. */
    record Issued(String value, Instant expiresAt) {
    }

    private final Source source;
    private final Clock clock;
    private final Map<String, String> users = new ConcurrentHashMap<>();
    private Issued operator;

    Tokens(Source source, Clock clock) {
        this.source = source;
        this.clock = clock;
    }

    /** Tokens from the OAuth 2.0 token endpoint at {@code tokenUrl}, with the clients given as {@code id:secret}. */
    static Tokens fromIssuer(URI tokenUrl, String userClient, String operatorClient) {
        Clock clock = Clock.systemUTC();
        return new Tokens(new TokenEndpoint(tokenUrl, userClient, operatorClient, clock), clock);
    }

    /**
     * Tokens signed here with the RSA private key in {@code pem} (PKCS#8); {@code issuer} and {@code audience}
     * become the {@code iss} and {@code aud} claims when not null.
     */
    static Tokens selfSigned(Path pem, String issuer, String audience) {
        Clock clock = Clock.systemUTC();
        return new Tokens(JwtSigner.fromPem(pem, issuer, audience, clock), clock);
    }

    /** The bearer token of the user {@code subject} (1 to 255 characters), fetched or signed on first use. */
    String forUser(String subject) {
        String token = users.get(subject);
        if (token == null) {
            token = source.user(checked(subject)).value();
            users.putIfAbsent(subject, token);
        }
        return token;
    }

    /**
     * The bearer tokens of all {@code subjects}, in their order; those not known yet are obtained
     * {@value #PARALLEL_REQUESTS} at a time, since thousands one after the other would delay the run by minutes.
     */
    List<String> forUsers(List<String> subjects) {
        List<String> missing = subjects.stream().filter(subject -> !users.containsKey(subject)).distinct().toList();
        if (!missing.isEmpty()) {
            obtainAll(missing);
        }
        return subjects.stream().map(users::get).toList();
    }

    /** A token with the scope {@code concert:admin}, for setting data up through the admin API. */
    synchronized String forOperator() {
        if (operator == null || clock.instant().isAfter(operator.expiresAt().minus(RENEW_BEFORE_EXPIRY))) {
            operator = source.operator();
        }
        return operator.value();
    }

    /** Why a service would refuse the tokens of a run, which its bare 401 or 403 does not say. */
    static String refusalHint(int status) {
        return switch (status) {
            case 401 -> " (the service does not accept the run's tokens: with -DjwtKey it must trust the matching "
                    + "public key, and be given -DjwtIssuer / -DjwtAudience when it checks iss / aud)";
            case 403 -> " (the token lacks the scope the request needs, concert:admin for the admin API)";
            default -> "";
        };
    }

    private void obtainAll(List<String> subjects) {
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL_REQUESTS,
                Thread.ofPlatform().daemon().name("tokens-", 1).factory());
        try {
            List<Future<?>> pending = subjects.stream()
                    .<Future<?>>map(subject -> pool.submit(() -> {
                        users.putIfAbsent(subject, source.user(checked(subject)).value());
                    }))
                    .toList();
            for (Future<?> request : pending) {
                request.get();
            }
        } catch (ExecutionException e) {
            // the first refusal is the message worth reading; the requests still queued would only repeat it
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            pool.shutdownNow();
        }
        System.out.printf("Tokens: %,d user tokens %s in %.1f s%n", subjects.size(), source.description(),
                (System.nanoTime() - started) / 1e9);
    }

    private static String checked(String subject) {
        if (subject == null || subject.isEmpty() || subject.length() > 255) {
            throw new IllegalArgumentException("a subject has 1 to 255 characters: " + subject);
        }
        return subject;
    }
}
