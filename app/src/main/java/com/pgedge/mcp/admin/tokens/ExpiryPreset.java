package com.pgedge.mcp.admin.tokens;

import java.util.List;

/**
 * The expiry choices offered when creating a token; {@code custom} lets the person type any
 * value the core's parser accepts ({@code 36h}, {@code 2w}, {@code 18m}...).
 */
public record ExpiryPreset(String label, String value) {

    public static final ExpiryPreset CUSTOM = new ExpiryPreset("Custom...", null);

    public static List<ExpiryPreset> all() {
        return List.of(new ExpiryPreset("1 day", "1d"), new ExpiryPreset("7 days", "7d"),
                new ExpiryPreset("30 days", "30d"), new ExpiryPreset("90 days", "90d"),
                new ExpiryPreset("1 year", "1y"), new ExpiryPreset("Never", "never"), CUSTOM);
    }

    public boolean isCustom() {
        return value == null;
    }

    @Override
    public String toString() {
        return label;
    }
}
