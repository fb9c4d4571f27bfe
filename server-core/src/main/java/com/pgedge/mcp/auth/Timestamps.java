package com.pgedge.mcp.auth;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Timestamps in credential files: RFC 3339 written; RFC 3339, {@code 2025-01-01 10:00:00} and {@code 2025-01-01} read. */
final class Timestamps {

    private Timestamps() {
    }

    static String format(Instant instant) {
        return instant.toString();
    }

    /** @throws IllegalArgumentException naming the accepted forms */
    static Instant parse(String text) {
        String s = text.trim();
        Instant fast = parseCanonical(s);
        if (fast != null) {
            return fast;
        }
        try {
            if (s.length() == 10) {
                return LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            // YAML and hand edits use a space between date and time; RFC 3339 allows lower case.
            String iso = s.replace(' ', 'T').replace('t', 'T').replace('z', 'Z');
            if (iso.length() > 10 && iso.charAt(10) != 'T') {
                throw new IllegalArgumentException("not a timestamp");
            }
            boolean hasZone = iso.endsWith("Z") || iso.indexOf('+', 10) > 0 || iso.indexOf('-', 10) > 0;
            if (hasZone) {
                return OffsetDateTime.parse(iso.replace("T+", "+").replace("T-", "-")).toInstant();
            }
            return LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + abbreviate(s)
                    + "' is not a timestamp (use 2025-01-31T10:00:00Z, 2025-01-31 10:00:00 or 2025-01-31)");
        }
    }

    /**
     * {@code yyyy-MM-ddTHH:mm:ss[.fraction]Z}, the form every writer uses, without the general
     * parser (a 100 000-token file has 200 000 of them); {@code null} for any other form.
     */
    private static Instant parseCanonical(String s) {
        int n = s.length();
        if (n < 20 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':'
                || s.charAt(16) != ':' || s.charAt(n - 1) != 'Z') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 7);
        int day = digits(s, 8, 10);
        int hour = digits(s, 11, 13);
        int minute = digits(s, 14, 16);
        int second = digits(s, 17, 19);
        int nanos = 0;
        if (n > 20) {
            if (s.charAt(19) != '.' || n - 21 > 9 || n - 21 < 1) {
                return null;
            }
            nanos = digits(s, 20, n - 1);
            for (int k = n - 21; k < 9; k++) {
                nanos *= 10;
            }
        }
        if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59
                || second < 0 || second > 59 || nanos < 0) {
            return null;
        }
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second, nanos).toInstant(ZoneOffset.UTC);
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    private static int digits(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }
}
