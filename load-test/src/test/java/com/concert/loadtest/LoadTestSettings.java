package com.concert.loadtest;

import java.time.Duration;

/**
 * What every simulation reads from system properties ({@code -DbaseUrl=...}): the service under test, the
 * admin key used to set up data, and how hard and how long to push. {@code -Dsmoke=true} shrinks any
 * simulation to a few seconds at a low rate, to check it works before a real run.
 */
final class LoadTestSettings {

    private LoadTestSettings() {
    }

    static String baseUrl() {
        return System.getProperty("baseUrl", "http://127.0.0.1:8080").replaceAll("/+$", "");
    }

    static String adminKey() {
        return System.getProperty("adminKey", "dev-admin-key");
    }

    static boolean smoke() {
        return Boolean.getBoolean("smoke");
    }

    /** Arrivals per second: the given default, or {@code -Drate}; 20 in a smoke run. */
    static double rate(double defaultRate) {
        return smoke() ? 20 : Double.parseDouble(System.getProperty("rate", Double.toString(defaultRate)));
    }

    /** How long the load lasts: the given default, or {@code -Dseconds}; 3 seconds in a smoke run. */
    static Duration duration(Duration defaultDuration) {
        if (smoke()) {
            return Duration.ofSeconds(3);
        }
        String seconds = System.getProperty("seconds");
        return seconds == null ? defaultDuration : Duration.ofSeconds(Long.parseLong(seconds));
    }

    /** Failed requests above this percentage fail the run ({@code -DmaxFailedPercent}, default 1). */
    static double maxFailedPercent() {
        return Double.parseDouble(System.getProperty("maxFailedPercent", "1"));
    }
}
