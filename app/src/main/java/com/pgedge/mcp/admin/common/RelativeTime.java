package com.pgedge.mcp.admin.common;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Times as people read them in a table: "in 3 days", "2 hours ago", "2026-01-22 15:26". */
public final class RelativeTime {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private RelativeTime() {
    }

    /** "in 3 days" for the future, "3 days ago" for the past, "now" within a minute. */
    public static String describe(Instant when, Instant now) {
        if (when == null) {
            return "";
        }
        Duration d = Duration.between(now, when);
        boolean future = !d.isNegative();
        Duration abs = d.abs();
        String amount;
        if (abs.toMinutes() < 1) {
            return "now";
        } else if (abs.toHours() < 1) {
            amount = plural(abs.toMinutes(), "minute");
        } else if (abs.toDays() < 1) {
            amount = plural(abs.toHours(), "hour");
        } else if (abs.toDays() < 60) {
            amount = plural(abs.toDays(), "day");
        } else if (abs.toDays() < 730) {
            amount = plural(abs.toDays() / 30, "month");
        } else {
            amount = plural(abs.toDays() / 365, "year");
        }
        return future ? "in " + amount : amount + " ago";
    }

    /** Local date and time to the minute, or "" for null. */
    public static String dateTime(Instant when, ZoneId zone) {
        return when == null ? "" : DATE_TIME.format(when.atZone(zone));
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}
