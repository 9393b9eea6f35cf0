package com.concert.loadtest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * What each gzip level costs for a seat map of {@code args[0]} (5,000) seats shaped as the endpoint writes them,
 * statuses mixed at random: the compressed size and the time to compress it, the mean of 50 rounds after as many
 * to warm up. A single-file program:
 * <pre>java load-test/src/test/java/com/concert/loadtest/GzipLevels.java 5000</pre>
 */
final class GzipLevels {

    private static final int ROUNDS = 50;

    private GzipLevels() {
    }

    public static void main(String[] args) throws IOException {
        int seats = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
        byte[] json = seatMap(seats);
        for (int level : new int[] {Deflater.BEST_COMPRESSION, Deflater.DEFAULT_COMPRESSION, Deflater.BEST_SPEED}) {
            compress(json, level, ROUNDS);
            long started = System.nanoTime();
            int size = compress(json, level, ROUNDS);
            System.out.printf("level %2d: %,d bytes of JSON to %,d, %.2f ms each%n", level, json.length, size,
                    (System.nanoTime() - started) / 1e6 / ROUNDS);
        }
    }

    private static byte[] seatMap(int seats) {
        String[] statuses = {"AVAILABLE", "HELD", "SOLD"};
        Random random = new Random(1);
        StringBuilder json = new StringBuilder("{\"scheduleId\":2,\"seats\":[");
        for (int number = 1; number <= seats; number++) {
            boolean vip = number <= seats / 5;
            json.append(number > 1 ? "," : "").append("{\"id\":").append(10_000 + number)
                    .append(",\"number\":").append(number)
                    .append(",\"grade\":\"").append(vip ? "VIP" : "R")
                    .append("\",\"price\":").append(vip ? 150_000 : 100_000)
                    .append(",\"status\":\"").append(statuses[random.nextInt(statuses.length)]).append("\"}");
        }
        return json.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Compresses {@code json} {@code rounds} times; the size of the last output. */
    private static int compress(byte[] json, int level, int rounds) throws IOException {
        int size = 0;
        for (int round = 0; round < rounds; round++) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(json.length / 8);
            Deflater deflater = new Deflater(level, true);
            try (DeflaterOutputStream deflate = new DeflaterOutputStream(out, deflater, 8192)) {
                deflate.write(json);
            } finally {
                deflater.end();
            }
            size = out.size();
        }
        return size;
    }
}
