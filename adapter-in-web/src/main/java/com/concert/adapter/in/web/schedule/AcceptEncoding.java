package com.concert.adapter.in.web.schedule;

import java.util.List;
import java.util.Locale;

/**
 * What a request's {@code Accept-Encoding} says about gzip (RFC 9110, section 12.5.3): accepted when a line
 * names {@code gzip} (or its old alias {@code x-gzip}) with no weight or a weight above 0, and no line refuses
 * it with {@code q=0}. A wildcard is not taken as a yes: a client that wants gzip names it.
 */
final class AcceptEncoding {

    private AcceptEncoding() {
    }

    /** @param lines the header's lines as received, each a comma-separated list; none when it was absent */
    static boolean acceptsGzip(List<String> lines) {
        if (lines == null) {
            return false;
        }
        boolean accepted = false;
        for (String line : lines) {
            for (String coding : line.split(",")) {
                String[] parts = coding.split(";");
                String name = parts[0].strip().toLowerCase(Locale.ROOT);
                if (!name.equals("gzip") && !name.equals("x-gzip")) {
                    continue;
                }
                if (weight(parts) > 0) {
                    accepted = true;
                } else {
                    return false;
                }
            }
        }
        return accepted;
    }

    /** The {@code q} of one coding: 1 without one, 0 for one that is not a number from 0 to 1. */
    private static double weight(String[] parts) {
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].strip();
            int equals = parameter.indexOf('=');
            if (equals < 0 || !parameter.substring(0, equals).strip().equalsIgnoreCase("q")) {
                continue;
            }
            return qvalue(parameter.substring(equals + 1).strip());
        }
        return 1;
    }

    /** {@code 0}, {@code 0.5}, {@code 1.000}: a digit 0 or 1 and up to three decimals, at most 1. */
    private static double qvalue(String value) {
        if (value.isEmpty() || value.length() > 5 || (value.charAt(0) != '0' && value.charAt(0) != '1')
                || (value.length() > 1 && value.charAt(1) != '.')) {
            return 0;
        }
        for (int i = 2; i < value.length(); i++) {
            if (value.charAt(i) < '0' || value.charAt(i) > '9') {
                return 0;
            }
        }
        double q = Double.parseDouble(value);
        return q <= 1 ? q : 0;
    }
}
