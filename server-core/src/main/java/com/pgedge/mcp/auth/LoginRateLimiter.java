package com.pgedge.mcp.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-address sliding window of failed attempts (SPEC §4): failed logins, whether or not the
 * user exists, and rejected bearer tokens. An address that has {@code maxAttempts} failures
 * inside the window is blocked until the oldest of them leaves it.
 *
 * <p>Exact under concurrency (each address's window is updated under its own monitor) and
 * bounded in memory: beyond {@code maxAddresses} keys, addresses whose failures have all left
 * the window are dropped first, then those that failed least recently.
 */
final class LoginRateLimiter {

    static final int DEFAULT_MAX_ADDRESSES = 100_000;

    /** The failure times of one address: a ring of the newest {@code maxAttempts} entries. */
    private static final class Window {
        private final long[] times;
        private int count;
        private int next;
        private volatile long newest;

        Window(int size) {
            times = new long[size];
        }

        synchronized void add(long now) {
            times[next] = now;
            next = (next + 1) % times.length;
            count = Math.min(count + 1, times.length);
            newest = Math.max(newest, now);
        }

        /** Failures after {@code since} (a failure leaves the window exactly one window later). */
        synchronized int countSince(long since) {
            int n = 0;
            for (int i = 0; i < count; i++) {
                if (times[i] > since) {
                    n++;
                }
            }
            return n;
        }

        /** The oldest failure after {@code since}, or {@code Long.MAX_VALUE}. */
        synchronized long oldestSince(long since) {
            long oldest = Long.MAX_VALUE;
            for (int i = 0; i < count; i++) {
                if (times[i] > since && times[i] < oldest) {
                    oldest = times[i];
                }
            }
            return oldest;
        }

        synchronized void clear() {
            count = 0;
            next = 0;
        }
    }

    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration window;
    private final int maxAttempts;
    private final int maxAddresses;

    LoginRateLimiter(Clock clock, Duration window, int maxAttempts, int maxAddresses) {
        this.clock = clock;
        this.window = window;
        this.maxAttempts = maxAttempts;
        this.maxAddresses = maxAddresses;
    }

    /** How long until {@code key} may try again, or {@code null} when it is not blocked. */
    Duration blockedFor(String key) {
        Window w = windows.get(key);
        if (w == null) {
            return null;
        }
        long now = clock.millis();
        long since = now - window.toMillis();
        synchronized (w) {
            if (w.countSince(since) < maxAttempts) {
                return null;
            }
            long freeAt = w.oldestSince(since) + window.toMillis();
            return Duration.ofMillis(Math.max(1000, freeAt - now));
        }
    }

    /** Counts one failure for {@code key}. */
    void recordFailure(String key) {
        long now = clock.millis();
        windows.computeIfAbsent(key, k -> new Window(maxAttempts)).add(now);
        if (windows.size() > maxAddresses) {
            evict(now);
        }
    }

    void clear(String key) {
        Window w = windows.remove(key);
        if (w != null) {
            w.clear();
        }
    }

    /** Blocked addresses, most failures first. */
    List<BlockedAddress> blocked() {
        long now = clock.millis();
        long since = now - window.toMillis();
        List<BlockedAddress> out = new ArrayList<>();
        for (Map.Entry<String, Window> e : windows.entrySet()) {
            Window w = e.getValue();
            synchronized (w) {
                int n = w.countSince(since);
                if (n >= maxAttempts) {
                    out.add(new BlockedAddress(e.getKey(), n, Instant.ofEpochMilli(w.oldestSince(since) + window.toMillis())));
                }
            }
        }
        out.sort(Comparator.comparingInt(BlockedAddress::failures).reversed()
                .thenComparing(BlockedAddress::key));
        return out;
    }

    /** Failures of {@code key} inside the window (for tests and the console). */
    int failures(String key) {
        Window w = windows.get(key);
        return w == null ? 0 : w.countSince(clock.millis() - window.toMillis());
    }

    int trackedAddresses() {
        return windows.size();
    }

    /** Drops stale addresses, then the least recently failing ones, down to 75% of the cap. */
    private synchronized void evict(long now) {
        if (windows.size() <= maxAddresses) {
            return;
        }
        long since = now - window.toMillis();
        windows.entrySet().removeIf(e -> e.getValue().newest <= since);
        int target = maxAddresses * 3 / 4;
        if (windows.size() > target) {
            List<Map.Entry<String, Window>> entries = new ArrayList<>(windows.entrySet());
            entries.sort(Comparator.comparingLong(e -> e.getValue().newest));
            for (int i = 0; i < entries.size() - target; i++) {
                windows.remove(entries.get(i).getKey(), entries.get(i).getValue());
            }
        }
    }
}
