package com.pgedge.mcp.config;

import java.time.Duration;
import java.util.Objects;

/**
 * One entry of the {@code databases:} list (SPEC §5). {@code password} may be empty (then
 * {@code ~/.pgpass} or trust auth applies); it is never logged and never shown in an error.
 */
public record DatabaseConfig(String name, String host, int port, String database, String user,
                             String password, String sslmode, int poolMaxConns, int poolMinConns,
                             Duration poolMaxConnIdleTime) {

    public DatabaseConfig {
        Objects.requireNonNull(name, "name");
        host = host == null || host.isBlank() ? "localhost" : host;
        port = port <= 0 ? 5432 : port;
        password = password == null ? "" : password;
        sslmode = sslmode == null || sslmode.isBlank() ? "prefer" : sslmode;
        poolMaxConns = poolMaxConns <= 0 ? 4 : poolMaxConns;
        poolMinConns = Math.max(0, poolMinConns);
        poolMaxConnIdleTime = poolMaxConnIdleTime == null ? Duration.ofMinutes(30) : poolMaxConnIdleTime;
    }

    @Override
    public String toString() {
        // The password never appears in a log line, an exception or a debugger.
        return "DatabaseConfig[name=" + name + ", host=" + host + ", port=" + port + ", database="
                + database + ", user=" + user + ", sslmode=" + sslmode + "]";
    }
}
