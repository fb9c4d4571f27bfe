package com.pgedge.mcp.db;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.pgedge.mcp.mcp.McpResource;
import com.pgedge.mcp.mcp.ToolCallContext;
import com.pgedge.mcp.mcp.ToolFailure;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code pg://system_info}: the PostgreSQL server's version, operating system and architecture,
 * for the caller's database (its bound one, else the first configured).
 */
final class SystemInfoResource implements McpResource {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** "PostgreSQL 14.22 on x86_64-pc-linux-gnu, compiled by gcc ..., 64-bit". */
    private static final Pattern PLATFORM = Pattern.compile("^PostgreSQL \\S+ on ([^,]+),");
    private static final Pattern BITS = Pattern.compile("(\\d+)-bit");

    private final ReadOnlyAccess access;

    SystemInfoResource(ReadOnlyAccess access) {
        this.access = access;
    }

    @Override
    public String uri() {
        return "pg://system_info";
    }

    @Override
    public String name() {
        return "PostgreSQL system information";
    }

    @Override
    public String description() {
        return "Server version, operating system and CPU architecture of the PostgreSQL server, plus the "
                + "current database and user.";
    }

    @Override
    public String read(ToolCallContext context) {
        return access.call(context, null, (connection, runner, db) -> {
            ObjectNode info = JSON.createObjectNode();
            info.put("database", db.name());
            try (Statement st = connection.createStatement()) {
                st.setQueryTimeout(runner.clientTimeoutSeconds());
                try (ResultSet rs = st.executeQuery("SELECT version(), current_setting('server_version'), "
                        + "current_setting('server_version_num')::int, current_database(), current_user")) {
                    rs.next();
                    String version = rs.getString(1);
                    info.put("postgresql_version", rs.getString(2));
                    info.put("server_version_num", rs.getInt(3));
                    info.put("version", version);
                    Platform p = platform(version);
                    info.put("os", p.os());
                    info.put("architecture", p.architecture());
                    info.put("bits", p.bits());
                    info.put("current_database", rs.getString(4));
                    info.put("current_user", rs.getString(5));
                }
            }
            try {
                return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(info);
            } catch (JsonProcessingException e) {
                throw new ToolFailure("Could not format the system information");
            }
        });
    }

    record Platform(String os, String architecture, Integer bits) {
    }

    /** Splits the build triple of {@code version()}: {@code x86_64-pc-linux-gnu} -> linux-gnu, x86_64. */
    static Platform platform(String version) {
        Integer bits = null;
        Matcher b = BITS.matcher(version);
        if (b.find()) {
            bits = Integer.valueOf(b.group(1));
        }
        Matcher m = PLATFORM.matcher(version);
        if (m.find()) {
            String triple = m.group(1).trim();
            String[] parts = triple.split("-", 3);
            String arch = parts[0];
            String os = parts.length == 3 ? parts[2] : parts.length == 2 ? parts[1] : "unknown";
            return new Platform(os, arch, bits);
        }
        if (version.contains("Visual C++")) {
            return new Platform("windows", bits != null && bits == 64 ? "x86_64" : "unknown", bits);
        }
        return new Platform("unknown", "unknown", bits);
    }
}
