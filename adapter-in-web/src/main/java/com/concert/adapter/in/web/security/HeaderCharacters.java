package com.concert.adapter.in.web.security;

import java.util.function.Predicate;

/**
 * The firewall's rule for header names and values, as a loop over the characters: no ISO control character (a
 * CR or LF would split a header, a NUL would cut it), a tab allowed in values. It is the rule of Spring Security's
 * default, which says it with a regular expression that cost a fifth of a request's time on a bearer token of
 * 800 characters, checked each of the several times a header is read (docs/benchmarks.md). Tomcat reads headers
 * as ISO-8859-1, so every character is an assigned one, and the default's other half has nothing to refuse.
 */
final class HeaderCharacters {

    static final Predicate<String> NAMES = name -> allowed(name, false);
    static final Predicate<String> VALUES = value -> allowed(value, true);

    private HeaderCharacters() {
    }

    private static boolean allowed(String text, boolean tabAllowed) {
        if (text == null) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && !(tabAllowed && c == '\t')) {
                return false;
            }
        }
        return true;
    }
}
