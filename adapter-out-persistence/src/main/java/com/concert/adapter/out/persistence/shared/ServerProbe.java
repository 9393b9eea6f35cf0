package com.concert.adapter.out.persistence.shared;

import com.zaxxer.hikari.HikariDataSource;

import javax.sql.DataSource;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether the database server accepts TCP connections at all. Asked once an open connection broke, to tell a
 * server that is gone (refused, or silent past a short timeout) from one connection that ended while the server
 * lives on: a pool would otherwise find out only by waiting its full connection timeout.
 */
@FunctionalInterface
interface ServerProbe {

    Duration CONNECT_TIMEOUT = Duration.ofMillis(300);
    int DEFAULT_PORT = 5432;

    /** True if at least one of the database's addresses accepts a connection, or if they are not known. */
    boolean answers();

    /** A probe of the servers named by the data source's JDBC URL; one that always answers if it names none. */
    static ServerProbe of(DataSource dataSource) {
        String url = null;
        try {
            if (dataSource != null && dataSource.isWrapperFor(HikariDataSource.class)) {
                url = dataSource.unwrap(HikariDataSource.class).getJdbcUrl();
            }
        } catch (java.sql.SQLException notHikari) {
            url = null;
        }
        List<InetSocketAddress> servers = url == null ? List.of() : addresses(url);
        return servers.isEmpty() ? () -> true : () -> anyAnswers(servers);
    }

    private static boolean anyAnswers(List<InetSocketAddress> servers) {
        for (InetSocketAddress server : servers) {
            try (Socket socket = new Socket()) {
                // resolved now, not when the service started: the name may point elsewhere since
                socket.connect(new InetSocketAddress(server.getHostString(), server.getPort()),
                        (int) CONNECT_TIMEOUT.toMillis());
                return true;
            } catch (IOException refusedOrSilent) {
                // try the next one
            }
        }
        return false;
    }

    /**
     * The servers of a {@code jdbc:postgresql:} URL: {@code //host[:port][,host[:port]...]/database?...}, or
     * {@code database} alone for localhost on 5432; not resolved yet. Empty for another kind of URL.
     */
    static List<InetSocketAddress> addresses(String jdbcUrl) {
        String prefix = "jdbc:postgresql:";
        if (!jdbcUrl.startsWith(prefix)) {
            return List.of();
        }
        String rest = jdbcUrl.substring(prefix.length());
        if (!rest.startsWith("//")) {
            return List.of(InetSocketAddress.createUnresolved("localhost", DEFAULT_PORT));
        }
        rest = rest.substring(2);
        int end = rest.length();
        for (char stop : new char[]{'/', '?'}) {
            int at = rest.indexOf(stop);
            if (at >= 0 && at < end) {
                end = at;
            }
        }
        List<InetSocketAddress> servers = new ArrayList<>();
        for (String server : rest.substring(0, end).split(",")) {
            if (server.isBlank()) {
                continue;
            }
            String host = server;
            int port = DEFAULT_PORT;
            int colon = server.lastIndexOf(':');
            if (colon > server.lastIndexOf(']')) {
                host = server.substring(0, colon);
                try {
                    port = Integer.parseInt(server.substring(colon + 1));
                } catch (NumberFormatException notAPort) {
                    return List.of();
                }
            }
            if (host.startsWith("[") && host.endsWith("]")) {
                host = host.substring(1, host.length() - 1);
            }
            servers.add(InetSocketAddress.createUnresolved(host.isEmpty() ? "localhost" : host, port));
        }
        return servers;
    }
}
