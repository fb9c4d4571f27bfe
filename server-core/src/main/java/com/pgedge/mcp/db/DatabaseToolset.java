package com.pgedge.mcp.db;

import com.pgedge.mcp.auth.AuthService;
import com.pgedge.mcp.auth.Subscription;
import com.pgedge.mcp.config.DatabaseConfig;
import com.pgedge.mcp.config.ServerConfig;
import com.pgedge.mcp.mcp.McpResource;
import com.pgedge.mcp.mcp.McpTool;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The PostgreSQL layer's one entry point: the tools and resources to register with the MCP
 * server, backed by per-token connection pools. Close it on shutdown to close every pool.
 *
 * <pre>{@code
 * DatabaseToolset db = DatabaseToolset.open(config.databases(), QueryLimits.defaults(), Clock.systemUTC());
 * db.closePoolsOnRevocation(authService);      // HTTP mode with auth
 * db.tools().forEach(registry::register);
 * db.resources().forEach(registry::register);
 * ...
 * db.close();
 * }</pre>
 */
public final class DatabaseToolset implements AutoCloseable {

    private final DatabaseCatalog catalog;
    private final TokenPools pools;
    private final List<McpTool> tools;
    private final List<McpResource> resources;
    private volatile Subscription revocations;
    private volatile DevDatabase devDatabase;

    private DatabaseToolset(List<DatabaseConfig> databases, QueryLimits limits, Clock clock) {
        this.catalog = new DatabaseCatalog(databases);
        this.pools = new TokenPools(limits, clock);
        ReadOnlyAccess access = new ReadOnlyAccess(catalog, pools, limits);
        this.tools = List.of(new QueryDatabaseTool(access), new SchemaInfoTool(access), new ExplainTool(access),
                new CountRowsTool(access));
        this.resources = List.of(new SystemInfoResource(access));
    }

    /**
     * @param databases the configured databases, first one is the default; must not be empty
     * @throws IllegalArgumentException when the list is empty or has duplicate or blank names
     */
    public static DatabaseToolset open(List<DatabaseConfig> databases, QueryLimits limits, Clock clock) {
        return new DatabaseToolset(databases, Objects.requireNonNull(limits, "limits"), clock);
    }

    public static DatabaseToolset open(List<DatabaseConfig> databases) {
        return open(databases, QueryLimits.defaults(), Clock.systemUTC());
    }

    /**
     * The toolset for a resolved server configuration: the configured databases, or with
     * {@code -dev} and none configured, the embedded development database in
     * {@link DevDatabase#defaultFolder()} (started here, stopped by {@link #close()}).
     * Blocks while PostgreSQL starts; {@code progress} receives each step.
     *
     * @throws IllegalArgumentException when no database is configured and {@code -dev} is off
     * @throws DevDatabase.DevDatabaseException when the development database cannot start
     */
    public static DatabaseToolset fromConfig(ServerConfig config, Consumer<String> progress) {
        return fromConfig(config, DevDatabase.defaultFolder(), progress);
    }

    /** As {@link #fromConfig(ServerConfig, Consumer)} with the development database in {@code devFolder}. */
    public static DatabaseToolset fromConfig(ServerConfig config, Path devFolder, Consumer<String> progress) {
        if (!config.databases().isEmpty()) {
            if (config.dev() && progress != null) {
                progress.accept("Databases are configured, so -dev is ignored");
            }
            return open(config.databases());
        }
        if (!config.dev()) {
            throw new IllegalArgumentException("no database is configured: add one under 'databases:' in the "
                    + "config file, set PGEDGE_DB_HOST and PGEDGE_DB_NAME, or start with -dev for the built-in "
                    + "development database");
        }
        DevDatabase dev = DevDatabase.start(devFolder, progress);
        try {
            DatabaseToolset set = open(List.of(dev.databaseConfig()));
            set.devDatabase = dev;
            return set;
        } catch (RuntimeException e) {
            dev.close();
            throw e;
        }
    }

    /** The embedded development database this toolset started, or {@code null}. */
    public DevDatabase devDatabase() {
        return devDatabase;
    }

    /**
     * Closes a token's pools as soon as the auth core revokes it (removed, expired, session ended).
     * Call once, in HTTP mode with authentication on.
     */
    public DatabaseToolset closePoolsOnRevocation(AuthService auth) {
        revocations = auth.addRevocationListener(this::tokenRevoked);
        return this;
    }

    /** {@code query_database}, {@code get_schema_info}, {@code execute_explain}, {@code count_rows}, in that order. */
    public List<McpTool> tools() {
        return tools;
    }

    /** {@code pg://system_info}. */
    public List<McpResource> resources() {
        return resources;
    }

    /** Names of the configured databases, default first. */
    public List<String> databaseNames() {
        return catalog.names();
    }

    /** Closes every pool of this token hash. Called by the revocation listener; never logs the hash. */
    public void tokenRevoked(String tokenHash) {
        pools.revoke(tokenHash);
    }

    /** Number of open (token, database) pools. */
    public int openPools() {
        return pools.size();
    }

    /** Closes pools idle for longer than the limit now (also done periodically in the background). */
    public int evictIdlePools() {
        return pools.evictIdle();
    }

    TokenPools pools() {
        return pools;
    }

    @Override
    public void close() {
        Subscription s = revocations;
        if (s != null) {
            s.close();
        }
        pools.close();
        DevDatabase dev = devDatabase;
        if (dev != null) {
            dev.close();
        }
    }
}
