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

    static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }
}
