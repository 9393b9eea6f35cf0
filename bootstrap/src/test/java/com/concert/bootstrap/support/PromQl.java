package com.concert.bootstrap.support;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric names a PromQL expression reads, found the way PromQL's grammar tells them apart, without a full
 * parser: string literals, label matchers ({@code {...}}), range and subquery durations ({@code [...]}) and the
 * label lists of {@code by}, {@code without}, {@code on}, {@code ignoring}, {@code group_left} and
 * {@code group_right} are taken out first; of the identifiers left, one followed by {@code (} is a function or an
 * aggregation, a keyword is a keyword, a number's exponent or a duration's unit is part of that number, and every
 * other one is a metric name. Enough for the dashboards' queries, which {@code PromQlTest} covers; a query this
 * cannot read (a metric named only by {@code {__name__="..."}}) yields no name, and the dashboard test treats a
 * query without names as a failure rather than as passing.
 */
public final class PromQl {

    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'|`[^`]*`");
    private static final Pattern MATCHERS = Pattern.compile("\\{[^}]*}");
    private static final Pattern RANGE = Pattern.compile("\\[[^]]*]");
    private static final Pattern LABEL_LIST =
            Pattern.compile("\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    /** An identifier not glued to a number before it (1e3, 5m) nor to another name (a:b is one name). */
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w.:])[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "by", "without",
            "on", "ignoring", "group_left", "group_right", "inf", "nan", "start", "end", "atan2");

    private PromQl() {
    }

    public static Set<String> metricNames(String expression) {
        String rest = STRING.matcher(expression).replaceAll("\"\"");
        rest = MATCHERS.matcher(rest).replaceAll("{}");
        rest = RANGE.matcher(rest).replaceAll("[]");
        rest = LABEL_LIST.matcher(rest).replaceAll(" ");
        Set<String> names = new LinkedHashSet<>();
        Matcher identifier = IDENTIFIER.matcher(rest);
        while (identifier.find()) {
            String name = identifier.group();
            if (KEYWORDS.contains(name.toLowerCase()) || followedByParenthesis(rest, identifier.end())) {
                continue;
            }
            names.add(name);
        }
        return names;
    }

    private static boolean followedByParenthesis(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c)) {
                return c == '(';
            }
        }
        return false;
    }
}
