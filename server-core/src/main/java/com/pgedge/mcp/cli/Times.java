package com.pgedge.mcp.cli;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How the CLI shows instants: minutes, UTC, the same on every machine. */
final class Times {

    private static final DateTimeFormatter MINUTES =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SECONDS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private Times() {
    }

    static String minutes(Instant t, String whenNull) {
        return t == null ? whenNull : MINUTES.format(t);
    }

    static String seconds(Instant t, String whenNull) {
        return t == null ? whenNull : SECONDS.format(t);
    }
}
