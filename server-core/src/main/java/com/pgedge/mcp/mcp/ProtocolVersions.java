package com.pgedge.mcp.mcp;

import java.util.List;

/**
 * The MCP protocol revisions this server speaks (SPEC §3). 2024-11-05 is deliberately absent:
 * the official Java client rejects it over Streamable HTTP.
 */
public final class ProtocolVersions {

    /** Newest first. */
    public static final List<String> SUPPORTED = List.of("2025-11-25", "2025-06-18", "2025-03-26");

    public static final String LATEST = SUPPORTED.get(0);

    private ProtocolVersions() {
    }

    public static boolean isSupported(String version) {
        return version != null && SUPPORTED.contains(version);
    }

    /** Echo the client's version when we speak it, otherwise offer our newest (MCP lifecycle rules). */
    public static String negotiate(String requested) {
        return isSupported(requested) ? requested : LATEST;
    }
}
