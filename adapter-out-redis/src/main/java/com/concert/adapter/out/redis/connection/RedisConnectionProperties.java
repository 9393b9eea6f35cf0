package com.concert.adapter.out.redis.connection;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;

/**
 * Where Redis is, under Spring's usual {@code spring.data.redis.*} names. A Redis Cluster is named by
 * {@code cluster.nodes} ({@code host:port,host:port}) instead of host and port. Timeouts are short on
 * purpose: with Redis down, a request must fail within two seconds instead of piling up threads.
 *
 * @param url            {@code redis://[user:password@]host:port[/database]}, taking precedence over host and port
 * @param timeout        how long one command may take before it fails
 * @param connectTimeout how long opening a connection may take
 */
@ConfigurationProperties("spring.data.redis")
public record RedisConnectionProperties(
        String url,
        @DefaultValue("localhost") String host,
        @DefaultValue("6379") int port,
        @DefaultValue("0") int database,
        String username,
        String password,
        @DefaultValue("1s") Duration timeout,
        @DefaultValue("1s") Duration connectTimeout,
        @DefaultValue Cluster cluster) {

    public RedisConnectionProperties {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("spring.data.redis.port must be 1 to 65535, got " + port);
        }
        if (database < 0) {
            throw new IllegalArgumentException("spring.data.redis.database must not be negative");
        }
        if (timeout.isNegative() || timeout.isZero() || connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw new IllegalArgumentException("spring.data.redis timeouts must be positive");
        }
    }

    /** @param nodes seed nodes of a Redis Cluster, {@code host:port}; empty for a single server */
    public record Cluster(@DefaultValue List<String> nodes) {

        public boolean isConfigured() {
            return nodes != null && !nodes.isEmpty();
        }
    }

    /** For logs and error messages: where the service looks for Redis, without credentials. */
    public String describe() {
        if (cluster.isConfigured()) {
            return "Redis Cluster " + String.join(",", cluster.nodes());
        }
        if (url != null && !url.isBlank()) {
            java.net.URI uri = java.net.URI.create(url);
            return "Redis at " + uri.getHost() + ":" + (uri.getPort() > 0 ? uri.getPort() : 6379);
        }
        return "Redis at " + host + ":" + port + (database == 0 ? "" : "/" + database);
    }
}
