package com.pgedge.mcp.config;

/** How a rejected value is quoted in an error message: short and without control characters. */
final class Shown {

    private static final int MAX = 60;

    private Shown() {
    }

    static String value(String raw) {
        if (raw == null) {
            return "nothing";
        }
        StringBuilder b = new StringBuilder(Math.min(raw.length(), MAX) + 5);
        raw.codePoints().limit(MAX).forEach(cp -> {
            if (Character.isISOControl(cp)) {
                b.append('?');
            } else {
                b.appendCodePoint(cp);
            }
        });
        if (raw.codePointCount(0, raw.length()) > MAX) {
            b.append("...");
        }
        return "'" + b + "'";
    }
}
