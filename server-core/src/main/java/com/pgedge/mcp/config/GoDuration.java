package com.pgedge.mcp.config;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations written the way the reference's Go configuration writes them: {@code 30m},
 * {@code 1h30m}, {@code 90s}, {@code 500ms}, {@code 1.5h}, or {@code 0}. Units: {@code ns},
 * {@code us}, {@code ms}, {@code s}, {@code m} (minutes), {@code h}.
 */
public final class GoDuration {

    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ns|us|µs|ms|s|m|h)");

    private GoDuration() {
    }

    /**
     * @param source what the value is, for the error message
     * @throws ConfigException when the text is not such a duration, or is negative
     */
    public static Duration parse(String text, String source) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("0")) {
            return Duration.ZERO;
        }
        if (t.isEmpty() || t.length() > 64) {
            throw bad(text, source);
        }
        Matcher m = PART.matcher(t);
        int at = 0;
        BigDecimal nanos = BigDecimal.ZERO;
        while (at < t.length()) {
            if (!m.find(at) || m.start() != at) {
                throw bad(text, source);
            }
            BigDecimal amount = new BigDecimal(m.group(1));
            long unit = switch (m.group(2)) {
                case "ns" -> 1L;
                case "us", "µs" -> 1_000L;
                case "ms" -> 1_000_000L;
                case "s" -> 1_000_000_000L;
                case "m" -> 60_000_000_000L;
                default -> 3_600_000_000_000L;
            };
            nanos = nanos.add(amount.multiply(BigDecimal.valueOf(unit)));
            at = m.end();
        }
        try {
            return Duration.ofNanos(nanos.setScale(0, RoundingMode.DOWN).longValueExact());
        } catch (ArithmeticException e) {
            throw new ConfigException(source + ": duration " + Shown.value(text) + " is too long");
        }
    }

    private static ConfigException bad(String text, String source) {
        return new ConfigException(source + ": expected a duration such as 30m, 1h30m or 90s, got "
                + Shown.value(text));
    }
}
