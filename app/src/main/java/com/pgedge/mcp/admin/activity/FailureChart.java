package com.pgedge.mcp.admin.activity;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.pgedge.mcp.auth.AuthEvent;
import com.pgedge.mcp.auth.AuthService;

/**
 * Failed attempts per time bucket, stacked by the top offenders (plus "other"), and the
 * offenders ranked: plain data, computed without the toolkit; the view turns it into a
 * StackedBarChart.
 *
 * @param categories bucket labels, oldest first
 * @param series     one count per bucket for each offender shown, in legend order
 * @param offenders  every key with failures in the window, most failures first
 */
public record FailureChart(List<String> categories, Map<String, int[]> series, List<Offender> offenders) {

    /** How wide one bar is, and how many bars. */
    public enum Bucket {
        MINUTE("Per minute (last hour)", ChronoUnit.MINUTES, 60, "HH:mm"),
        HOUR("Per hour (last day)", ChronoUnit.HOURS, 24, "HH:00"),
        DAY("Per day (last 30 days)", ChronoUnit.DAYS, 30, "MM-dd");

        final String label;
        final ChronoUnit unit;
        final int count;
        final DateTimeFormatter format;

        Bucket(String label, ChronoUnit unit, int count, String pattern) {
            this.label = label;
            this.unit = unit;
            this.count = count;
            this.format = DateTimeFormatter.ofPattern(pattern);
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** What the bars are stacked by. */
    public enum GroupBy {
        ADDRESS("By address"),
        USER("By user");

        final String label;

        GroupBy(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /**
     * One source of failures.
     *
     * @param key      an address key (IPv4, or an IPv6 /64 as the rate limiter counts it) or a username
     * @param failures failed attempts in the window
     * @param lastSeen the latest of them
     */
    public record Offender(String key, int failures, Instant lastSeen) {
    }

    static final int STACKED = 5;
    static final String OTHER = "other";

    public static FailureChart compute(List<AuthEvent> events, Bucket bucket, GroupBy groupBy, Instant now, ZoneId zone) {
        Instant end = now.atZone(zone).truncatedTo(bucket.unit == ChronoUnit.DAYS ? ChronoUnit.DAYS : bucket.unit)
                .plus(1, bucket.unit).toInstant();
        Duration width = bucket.unit.getDuration();
        Instant start = end.minus(width.multipliedBy(bucket.count));
        Function<AuthEvent, String> key = groupBy == GroupBy.ADDRESS
                ? e -> e.address() == null ? null : AuthService.addressKey(e.address())
                : e -> e.username() == null || e.username().isBlank() ? null : e.username();

        Map<String, int[]> perKey = new HashMap<>();
        Map<String, Offender> offenders = new HashMap<>();
        for (AuthEvent e : events) {
            if (!e.type().isFailure() || e.time().isBefore(start) || !e.time().isBefore(end)) {
                continue;
            }
            String k = key.apply(e);
            if (k == null) {
                k = groupBy == GroupBy.ADDRESS ? "(no address)" : "(no user)";
            }
            int index = (int) (Duration.between(start, e.time()).toMillis() / width.toMillis());
            perKey.computeIfAbsent(k, x -> new int[bucket.count])[index]++;
            Offender o = offenders.get(k);
            offenders.put(k, o == null ? new Offender(k, 1, e.time())
                    : new Offender(k, o.failures() + 1, o.lastSeen().isAfter(e.time()) ? o.lastSeen() : e.time()));
        }
        List<Offender> ranked = new ArrayList<>(offenders.values());
        ranked.sort(Comparator.comparingInt(Offender::failures).reversed().thenComparing(Offender::key));

        Map<String, int[]> series = new LinkedHashMap<>();
        int[] other = new int[bucket.count];
        boolean anyOther = false;
        for (int i = 0; i < ranked.size(); i++) {
            int[] counts = perKey.get(ranked.get(i).key());
            if (i < STACKED) {
                series.put(ranked.get(i).key(), counts);
            } else {
                anyOther = true;
                for (int b = 0; b < counts.length; b++) {
                    other[b] += counts[b];
                }
            }
        }
        if (anyOther) {
            series.put(OTHER, other);
        }
        List<String> categories = new ArrayList<>(bucket.count);
        for (int i = 0; i < bucket.count; i++) {
            categories.add(bucket.format.format(start.plus(width.multipliedBy(i)).atZone(zone)));
        }
        return new FailureChart(categories, series, List.copyOf(ranked));
    }

    public int total() {
        int n = 0;
        for (int[] counts : series.values()) {
            for (int c : counts) {
                n += c;
            }
        }
        return n;
    }
}
