package com.pgedge.mcp.config;

import java.util.Locale;

/**
 * Booleans as the reference documents them: {@code true/1/yes} and {@code false/0/no}, any case.
 * Anything else is an error that names where the value came from (deviation: the reference
 * silently reads an unknown spelling as false, so a typo in {@code PGEDGE_AUTH_ENABLED} could
 * turn authentication off).
 */
public final class StrictBoolean {

    /** What every boolean error message says is expected. */
    public static final String EXPECTED = "expected true/false, yes/no or 1/0";

    private StrictBoolean() {
    }

    /**
     * @param value  the text to read
     * @param source what the value is, for the error message ({@code PGEDGE_AUTH_ENABLED})
     * @throws ConfigException for any other spelling
     */
    public static boolean parse(String value, String source) {
        String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw new ConfigException(source + ": " + EXPECTED + ", got " + Shown.value(value));
        };
    }
}
