package com.concert.bootstrap.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;

/**
 * Every {@code concert.*} setting, with its default, in one place. Bound and checked at start-up: a value out
 * of range stops the service with the setting's name in the message.
 */
@ConfigurationProperties("concert")
public record ConcertProperties(
        @DefaultValue Queue queue,
        @DefaultValue Reservation reservation,
        @DefaultValue Points points,
        @DefaultValue Security security,
        @DefaultValue Redis redis,
        @DefaultValue Cache cache,
        @DefaultValue RateLimit rateLimit,
        @DefaultValue Shutdown shutdown,
        @DefaultValue Storefront storefront) {

    /**
     * @param admitInterval  how often waiting users are admitted
     * @param admitBatchSize at most this many admitted per concert per tick
     * @param maxActive      at most this many active users per concert at once
     * @param activeTtl      how long an admitted user may shop before the slot is given to the next one
     * @param admitOnEntry   whether a user who enters while nobody waits is let in at once, within the room the
     *                       last tick left (the unused part of its batch, until the next tick; never above
     *                       {@code maxActive})
     */
    public record Queue(
            @DefaultValue("10s") Duration admitInterval,
            @DefaultValue("3000") int admitBatchSize,
            @DefaultValue("3000") int maxActive,
            @DefaultValue("10m") Duration activeTtl,
            @DefaultValue("false") boolean admitOnEntry) {

        public Queue {
            requirePositive(admitInterval, "concert.queue.admit-interval");
            requireAtLeastOne(admitBatchSize, "concert.queue.admit-batch-size");
            requireAtLeastOne(maxActive, "concert.queue.max-active");
            requirePositive(activeTtl, "concert.queue.active-ttl");
        }
    }

    /**
     * @param holdTtl          how long seats stay held for payment
     * @param maxSeatsPerUser  seats one user may hold or own per schedule
     * @param sweepInterval    how often run-out holds are recorded as EXPIRED (their seats read free at once
     *                         anyway; the sweep only tidies the stored state)
     */
    public record Reservation(
            @DefaultValue("5m") Duration holdTtl,
            @DefaultValue("4") int maxSeatsPerUser,
            @DefaultValue("10s") Duration sweepInterval) {

        public Reservation {
            requirePositive(holdTtl, "concert.reservation.hold-ttl");
            requireAtLeastOne(maxSeatsPerUser, "concert.reservation.max-seats-per-user");
            requirePositive(sweepInterval, "concert.reservation.sweep-interval");
        }
    }

    /**
     * @param maxCharge  the largest single charge
     * @param maxBalance the largest balance a wallet may reach
     */
    public record Points(
            @DefaultValue("10000000") long maxCharge,
            @DefaultValue("100000000") long maxBalance) {

        public Points {
            if (maxCharge < 1) {
                throw new IllegalArgumentException("concert.points.max-charge must be at least 1, got " + maxCharge);
            }
            if (maxBalance < maxCharge) {
                throw new IllegalArgumentException("concert.points.max-balance (" + maxBalance
                        + ") must be at least concert.points.max-charge (" + maxCharge + ")");
            }
        }
    }

    /**
     * Callers come with bearer tokens from the identity provider named by Spring Boot's
     * {@code spring.security.oauth2.resourceserver.jwt.*}; these are the service's own settings around them.
     *
     * @param allowedOrigins  browser origins besides the service's own that may call the API (CORS); none by default
     * @param verifiedTokens  how many verified tokens are kept in memory until they expire, so that a fan's
     *                        polling has the signature checked once (0 keeps none)
     * @param keepVerifiedFor the longest a verified token is kept, whatever its {@code exp}: how long a key the
     *                        identity provider withdraws from its JWKS may still be honoured for tokens already seen
     */
    public record Security(
            @DefaultValue List<String> allowedOrigins,
            @DefaultValue("50000") long verifiedTokens,
            @DefaultValue("5m") Duration keepVerifiedFor) {

        public Security {
            allowedOrigins = allowedOrigins == null ? List.of()
                    : allowedOrigins.stream().filter(origin -> !origin.isBlank()).toList();
            if (verifiedTokens < 0) {
                throw new IllegalArgumentException("concert.security.verified-tokens must be 0 or positive, got "
                        + verifiedTokens);
            }
            if (keepVerifiedFor == null || keepVerifiedFor.isNegative()) {
                throw new IllegalArgumentException("concert.security.keep-verified-for must be 0 or positive, got "
                        + keepVerifiedFor);
            }
        }
    }

    /**
     * The web client served at {@code /}: how it signs fans in.
     *
     * @param issuer   the OpenID Connect issuer as browsers reach it; empty: the one
     *                 {@code spring.security.oauth2.resourceserver.jwt.issuer-uri} names
     * @param clientId the identity provider's public client for browsers (authorization code with PKCE)
     * @param scope    the scopes asked for at sign-in; must include {@code openid}
     */
    public record Storefront(
            @DefaultValue("") String issuer,
            @DefaultValue("concert-web") String clientId,
            @DefaultValue("openid profile") String scope) {
    }

    /** @param keyPrefix prepended to every key, so that several deployments can share one Redis */
    public record Redis(@DefaultValue("") String keyPrefix) {
    }

    /**
     * @param enabled    keep the catalog and seat maps in memory (see ADR 7); off, every read goes to PostgreSQL,
     *                   which is only for measuring what the copies buy
     * @param seatMapLag how long a copy of a performance's seats is answered before it is read again: more than
     *                   0 and at most 1 s, the most the API lets a seat map lag a hold or a sale
     */
    public record Cache(@DefaultValue("true") boolean enabled, @DefaultValue("1s") Duration seatMapLag) {

        public Cache {
            requirePositive(seatMapLag, "concert.cache.seat-map-lag");
            if (seatMapLag.compareTo(Duration.ofSeconds(1)) > 0) {
                throw new IllegalArgumentException("concert.cache.seat-map-lag must be at most 1s (the API lets a "
                        + "seat map lag by no more), got " + seatMapLag);
            }
        }
    }

    /**
     * @param enabled      rate limits on entering queues and holding seats
     * @param perUser      requests per second one user may make of each kind (0: no per-user limit)
     * @param perAddress   requests per second one client address may make of each kind (0: no per-address limit;
     *                     behind a proxy, set {@code server.forward-headers-strategy} so the address is the client's)
     * @param burstSeconds how many seconds' worth a client may send at once
     */
    public record RateLimit(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("10") double perUser,
            @DefaultValue("500") double perAddress,
            @DefaultValue("2") int burstSeconds) {

        public RateLimit {
            if (perUser < 0 || perAddress < 0) {
                throw new IllegalArgumentException("concert.rate-limit.per-user and per-address are 0 (off) or positive");
            }
            requireAtLeastOne(burstSeconds, "concert.rate-limit.burst-seconds");
        }
    }

    /**
     * @param drainDelay how long a stopping instance goes on serving after it reports itself not ready, before
     *                   it stops accepting connections: at least the load balancer's readiness check interval
     */
    public record Shutdown(@DefaultValue("5s") Duration drainDelay) {

        public Shutdown {
            if (drainDelay == null || drainDelay.isNegative()) {
                throw new IllegalArgumentException("concert.shutdown.drain-delay must be 0 or positive, got " + drainDelay);
            }
        }
    }

    private static void requirePositive(Duration value, String name) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(name + " must be a positive duration, got " + value);
        }
    }

    private static void requireAtLeastOne(int value, String name) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, got " + value);
        }
    }
}
