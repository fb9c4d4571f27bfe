package com.pgedge.mcp.config;

/** Whole numbers from text with a range check and an error that says where they came from. */
final class Numbers {

    private Numbers() {
    }

    static int parseInt(String text, int min, int max, String source) {
        String t = text == null ? "" : text.trim();
        long value;
        try {
            if (t.length() > 11) {
                throw new NumberFormatException();
            }
            value = Long.parseLong(t);
        } catch (NumberFormatException e) {
            throw new ConfigException(source + ": expected a whole number" + range(min, max) + ", got "
                    + Shown.value(text));
        }
        if (value < min || value > max) {
            throw new ConfigException(source + ": expected a whole number" + range(min, max) + ", got " + value);
        }
        return (int) value;
    }

    private static String range(int min, int max) {
        if (max == Integer.MAX_VALUE) {
            return min == 0 ? " (0 or more)" : " (at least " + min + ")";
        }
        return " from " + min + " to " + max;
    }
}
