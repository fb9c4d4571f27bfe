package com.pgedge.mcp.http;

import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which browser origins may call the server (SPEC §2): the configured ones, and localhost on any
 * port. Requests without {@code Origin} (every non-browser client) are allowed. This stops a web
 * page from driving a local server through the user's browser (DNS rebinding).
 */
public final class OriginPolicy {

    private static final Set<String> LOOPBACK_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    private final Set<String> allowed;

    public OriginPolicy(List<String> allowedOrigins) {
        Set<String> normalised = new HashSet<>();
        for (String origin : allowedOrigins) {
            String n = normalise(origin);
            if (n != null) {
                normalised.add(n);
            }
        }
        this.allowed = Set.copyOf(normalised);
    }

    /** Whether a request carrying this {@code Origin} header value ({@code null} = none) may proceed. */
    public boolean allows(String origin) {
        if (origin == null) {
            return true;
        }
        String n = normalise(origin);
        if (n == null) {
            return false; // "null" (sandboxed pages, file://) or unparseable
        }
        if (allowed.contains(n)) {
            return true;
        }
        URI uri = URI.create(n);
        String scheme = uri.getScheme();
        return ("http".equals(scheme) || "https".equals(scheme)) && uri.getHost() != null
                && LOOPBACK_HOSTS.contains(uri.getHost());
    }

    /** scheme://host[:port] in lower case without a trailing slash, or {@code null} when not an origin. */
    static String normalise(String origin) {
        if (origin == null) {
            return null;
        }
        String value = origin.trim().toLowerCase(Locale.ROOT);
        while (value.endsWith("/")) {
            value = value.substring(0, value.length() - 1);
        }
        if (value.isEmpty() || "null".equals(value) || value.length() > 512) {
            return null;
        }
        try {
            URI uri = new URI(value);
            if (uri.getScheme() == null || uri.getHost() == null || uri.getRawUserInfo() != null
                    || (uri.getRawPath() != null && !uri.getRawPath().isEmpty())
                    || uri.getRawQuery() != null || uri.getRawFragment() != null) {
                return null;
            }
            return value;
        } catch (Exception e) {
            return null;
        }
    }
}
