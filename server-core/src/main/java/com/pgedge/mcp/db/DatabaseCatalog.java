package com.pgedge.mcp.db;

import com.pgedge.mcp.auth.AuthPrincipal;
import com.pgedge.mcp.config.DatabaseConfig;
import com.pgedge.mcp.mcp.ToolFailure;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The configured databases by name, and the rule for which one a call reaches: the
 * {@code database} argument, else the caller's bound database, else the first configured one.
 * A token bound to a database reaches only that one.
 */
final class DatabaseCatalog {

    private final Map<String, DatabaseConfig> byName = new LinkedHashMap<>();

    DatabaseCatalog(List<DatabaseConfig> databases) {
        if (databases == null || databases.isEmpty()) {
            throw new IllegalArgumentException("no database is configured: add one under 'databases:' or use -dev");
        }
        for (DatabaseConfig db : databases) {
            if (db.name().isBlank()) {
                throw new IllegalArgumentException("a configured database has an empty name");
            }
            if (db.database() == null || db.database().isBlank()) {
                throw new IllegalArgumentException("database '" + db.name() + "' has no 'database' (database name) set");
            }
            if (byName.putIfAbsent(db.name(), db) != null) {
                throw new IllegalArgumentException("two configured databases are named '" + db.name() + "'");
            }
        }
    }

    /** True when tools should offer a {@code database} argument. */
    boolean hasSeveral() {
        return byName.size() > 1;
    }

    List<String> names() {
        return new ArrayList<>(byName.keySet());
    }

    List<DatabaseConfig> all() {
        return List.copyOf(byName.values());
    }

    /**
     * Picks the database for a call.
     *
     * @param requested the {@code database} argument, or {@code null}
     * @throws ToolFailure when the name is unknown or the caller's token is bound elsewhere
     */
    DatabaseConfig resolve(AuthPrincipal principal, String requested) {
        String bound = principal.database();
        if (requested != null && !requested.isEmpty()) {
            if (bound != null && !bound.equals(requested)) {
                throw new ToolFailure("This token is bound to database '" + bound + "' and may not use database '"
                        + requested + "'");
            }
            DatabaseConfig db = byName.get(requested);
            if (db == null) {
                throw new ToolFailure("Unknown database '" + requested + "'; configured: " + String.join(", ", names()));
            }
            return db;
        }
        if (bound != null) {
            DatabaseConfig db = byName.get(bound);
            if (db == null) {
                throw new ToolFailure("This token is bound to database '" + bound
                        + "', which is not configured on this server");
            }
            return db;
        }
        return byName.values().iterator().next();
    }
}
