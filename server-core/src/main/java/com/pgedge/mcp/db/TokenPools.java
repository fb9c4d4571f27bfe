package com.pgedge.mcp.db;

import com.pgedge.mcp.auth.AuthPrincipal;
import com.pgedge.mcp.config.DatabaseConfig;
import com.pgedge.mcp.mcp.ToolFailure;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.postgresql.ds.PGSimpleDataSource;
import org.postgresql.jdbc.PreferQueryMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One HikariCP pool per (token, database): a caller never shares a connection, and so never
 * shares session state, with another token. Pools are created on first use, closed when their
 * token is revoked, closed after {@link QueryLimits#poolIdleTimeout()} without use, and capped
 * at {@link QueryLimits#maxPools()} (the least recently used is closed to make room).
 *
 * <p>The token hash is the key but never appears in a log line or a pool name: each pool gets
 * a short opaque label ({@code mcp-pool-7/shop}) that means nothing outside this process.
 */
final class TokenPools implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TokenPools.class);
    private static final int REMEMBERED_REVOCATIONS = 4096;

    private final Clock clock;
    private final QueryLimits limits;
    private final ConcurrentHashMap<PoolKey, Pool> pools = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();
    /** Recently revoked hashes: a request that passed auth just before the revocation must not re-create the pool. */
    private final Map<String, Boolean> revoked = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, false) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED_REVOCATIONS;
        }
    });
    /** Closes pools off the caller's thread (Hikari waits for in-flight connections) and sweeps idle pools. */
    private final ScheduledExecutorService background;

    TokenPools(QueryLimits limits, Clock clock) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.background = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "mcp-db-pools");
            t.setDaemon(true);
            return t;
        });
        long sweepSeconds = Math.max(1, Math.min(60, limits.poolIdleTimeout().toSeconds() / 2));
        background.scheduleWithFixedDelay(this::evictIdleQuietly, sweepSeconds, sweepSeconds, TimeUnit.SECONDS);
    }

    /**
     * The pool for this caller and database, created on first use.
     *
     * @throws ToolFailure when the caller's token has just been revoked
     */
    HikariDataSource acquire(AuthPrincipal principal, DatabaseConfig db) {
        PoolKey key = new PoolKey(principal.tokenHash(), db.name());
        for (int attempt = 0; attempt < 3; attempt++) {
            if (revoked.containsKey(key.tokenHash())) {
                throw new ToolFailure("These credentials were revoked");
            }
            boolean[] created = {false};
            Pool pool = pools.computeIfAbsent(key, k -> {
                created[0] = true;
                return newPool(db);
            });
            pool.touch(clock.instant());
            if (created[0]) {
                LOG.info("Opened connection pool {} ({} caller)", pool.label(), principal.kind());
                enforceCap(key);
            }
            if (!pool.dataSource().isClosed()) {
                return pool.dataSource();
            }
            pools.remove(key, pool);
        }
        throw new ToolFailure("The connection pool was closed while in use; try again");
    }

    /** Closes every pool of a token (all its databases) and refuses to open new ones for it. */
    void revoke(String tokenHash) {
        revoked.put(tokenHash, Boolean.TRUE);
        for (Map.Entry<PoolKey, Pool> e : pools.entrySet()) {
            if (e.getKey().tokenHash().equals(tokenHash) && pools.remove(e.getKey(), e.getValue())) {
                closeLater(e.getValue(), "credentials revoked");
            }
        }
    }

    /** Closes pools unused for longer than the idle timeout; returns how many. */
    int evictIdle() {
        Instant cutoff = clock.instant().minus(limits.poolIdleTimeout());
        int closed = 0;
        for (Map.Entry<PoolKey, Pool> e : pools.entrySet()) {
            if (e.getValue().lastUsed().isBefore(cutoff) && pools.remove(e.getKey(), e.getValue())) {
                closeLater(e.getValue(), "idle");
                closed++;
            }
        }
        return closed;
    }

    int size() {
        return pools.size();
    }

    /** The open pool of a token for a database, if any (tests and diagnostics). */
    HikariDataSource find(String tokenHash, String database) {
        Pool pool = pools.get(new PoolKey(tokenHash, database));
        return pool == null ? null : pool.dataSource();
    }

    @Override
    public void close() {
        background.shutdownNow();
        List<Pool> all = new ArrayList<>(pools.values());
        pools.clear();
        for (Pool pool : all) {
            pool.dataSource().close();
        }
    }

    private void enforceCap(PoolKey keep) {
        while (pools.size() > limits.maxPools()) {
            Map.Entry<PoolKey, Pool> oldest = null;
            for (Map.Entry<PoolKey, Pool> e : pools.entrySet()) {
                if (!e.getKey().equals(keep)
                        && (oldest == null || e.getValue().lastUsed().isBefore(oldest.getValue().lastUsed()))) {
                    oldest = e;
                }
            }
            if (oldest == null) {
                return;
            }
            if (pools.remove(oldest.getKey(), oldest.getValue())) {
                closeLater(oldest.getValue(), "pool limit of " + limits.maxPools() + " reached, least recently used");
            }
        }
    }

    private void evictIdleQuietly() {
        try {
            evictIdle();
        } catch (RuntimeException e) {
            LOG.warn("Idle pool sweep failed: {}", e.toString());
        }
    }

    private void closeLater(Pool pool, String reason) {
        LOG.info("Closing connection pool {} ({})", pool.label(), reason);
        try {
            background.execute(() -> pool.dataSource().close());
        } catch (RuntimeException shuttingDown) {
            pool.dataSource().close();
        }
    }

    private Pool newPool(DatabaseConfig db) {
        long id = sequence.incrementAndGet();
        String label = "mcp-pool-" + id + "/" + db.name();
        return new Pool(id, label, new HikariDataSource(hikariConfig(db, label)), clock.instant());
    }

    private HikariConfig hikariConfig(DatabaseConfig db, String label) {
        long timeoutMs = limits.statementTimeout().toMillis();
        PGSimpleDataSource pg = new PGSimpleDataSource();
        pg.setServerNames(new String[] {db.host()});
        pg.setPortNumbers(new int[] {db.port()});
        pg.setDatabaseName(db.database());
        if (db.user() != null && !db.user().isBlank()) {
            pg.setUser(db.user());
        }
        if (!db.password().isEmpty()) {
            pg.setPassword(db.password());
        }
        pg.setSslMode(db.sslmode());
        // Extended protocol only; unnamed statements only, so DISCARD ALL never pulls a cached
        // server-side statement out from under the driver.
        pg.setPreferQueryMode(PreferQueryMode.EXTENDED);
        pg.setPrepareThreshold(0);
        pg.setApplicationName("pgedge-postgres-mcp");
        // Sends application_name in the start-up packet (not as a later SET), so that it is a
        // session default that DISCARD ALL keeps.
        pg.setAssumeMinServerVersion("10");
        // Session defaults from the start-up packet: RESET ALL / DISCARD ALL return to these, so
        // a caller who got around the statement checks still could not keep a writable session.
        pg.setOptions("-c default_transaction_read_only=on -c statement_timeout=" + timeoutMs
                + " -c idle_in_transaction_session_timeout=" + Math.max(timeoutMs * 2, 60_000));
        pg.setConnectTimeout((int) Math.max(1, limits.connectTimeout().toSeconds()));
        pg.setSocketTimeout((int) (limits.statementTimeout().toSeconds() + 30));
        pg.setTcpKeepAlive(true);

        HikariConfig config = new HikariConfig();
        config.setDataSource(pg);
        config.setPoolName(label);
        config.setMaximumPoolSize(db.poolMaxConns());
        config.setMinimumIdle(Math.min(db.poolMinConns(), db.poolMaxConns()));
        // pool_max_conn_idle_time: 0 keeps idle connections (until HikariCP's max lifetime);
        // HikariCP's smallest idle timeout is 10 s.
        long idleMs = db.poolMaxConnIdleTime().toMillis();
        config.setIdleTimeout(idleMs <= 0 ? 0 : Math.max(Duration.ofSeconds(10).toMillis(), idleMs));
        config.setConnectionTimeout(Math.max(250, limits.connectTimeout().toMillis()));
        // Do not connect while holding the map's lock; the first getConnection() reports errors.
        config.setInitializationFailTimeout(-1);
        config.setAutoCommit(false);
        config.setReadOnly(true);
        return config;
    }

    /** The map key. toString hides the hash so that a key printed by accident leaks nothing. */
    private record PoolKey(String tokenHash, String database) {
        @Override
        public String toString() {
            return "PoolKey[" + database + "]";
        }
    }

    private static final class Pool {
        private final long id;
        private final String label;
        private final HikariDataSource dataSource;
        private volatile Instant lastUsed;

        Pool(long id, String label, HikariDataSource dataSource, Instant now) {
            this.id = id;
            this.label = label;
            this.dataSource = dataSource;
            this.lastUsed = now;
        }

        long id() {
            return id;
        }

        String label() {
            return label;
        }

        HikariDataSource dataSource() {
            return dataSource;
        }

        Instant lastUsed() {
            return lastUsed;
        }

        void touch(Instant now) {
            lastUsed = now;
        }
    }
}
