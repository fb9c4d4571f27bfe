package com.pgedge.mcp.db;

import com.pgedge.mcp.config.DatabaseConfig;
import com.pgedge.mcp.mcp.ToolCallContext;
import com.pgedge.mcp.mcp.ToolFailure;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;

/**
 * What every tool does around its SQL: pick the database the caller may reach, take the
 * caller's own pool, run the work read-only, and turn failures into messages for the caller.
 */
final class ReadOnlyAccess {

    private final DatabaseCatalog catalog;
    private final TokenPools pools;
    private final ReadOnlyRunner runner;
    private final QueryLimits limits;

    ReadOnlyAccess(DatabaseCatalog catalog, TokenPools pools, QueryLimits limits) {
        this.catalog = catalog;
        this.pools = pools;
        this.limits = limits;
        this.runner = new ReadOnlyRunner(limits.statementTimeout());
    }

    DatabaseCatalog catalog() {
        return catalog;
    }

    QueryLimits limits() {
        return limits;
    }

    /** A call's work, given the database it runs against. */
    @FunctionalInterface
    interface DatabaseWork<T> {
        T run(java.sql.Connection connection, ReadOnlyRunner runner, DatabaseConfig db) throws SQLException;
    }

    /**
     * Runs {@code work} for the caller on the requested (or default) database.
     *
     * @throws ToolFailure for anything the caller should see: refused database, bad SQL, server
     *                     errors, connection problems
     */
    <T> T call(ToolCallContext context, String requestedDatabase, DatabaseWork<T> work) {
        DatabaseConfig db = catalog.resolve(context.principal(), requestedDatabase);
        HikariDataSource pool = pools.acquire(context.principal(), db);
        try {
            return runner.run(pool, (connection, r) -> work.run(connection, r, db));
        } catch (SQLException e) {
            throw new ToolFailure(SqlErrorMessage.of(e, db), e);
        }
    }
}
