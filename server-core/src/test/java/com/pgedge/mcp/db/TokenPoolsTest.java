package com.pgedge.mcp.db;

import com.pgedge.mcp.auth.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.pgedge.mcp.auth.AuthPrincipal;
import com.pgedge.mcp.auth.AuthService;
import com.pgedge.mcp.auth.AuthSettings;
import com.pgedge.mcp.auth.BearerResult;
import com.pgedge.mcp.auth.CreatedToken;
import com.pgedge.mcp.config.DatabaseConfig;
import com.pgedge.mcp.mcp.ToolCallContext;
import com.pgedge.mcp.mcp.ToolResult;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Per-token pools: isolation, revocation through a real AuthService, idle eviction, the cap. */
class TokenPoolsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static DatabaseConfig dev;

    @BeforeAll
    static void start() {
        dev = TestDatabase.get().databaseConfig();
    }

    private static ToolResult query(DatabaseToolset set, ToolCallContext ctx, String sql) {
        ObjectNode args = JSON.createObjectNode();
        args.put("query", sql);
        return DatabaseToolsTest.tool(set, "query_database").call(ctx, args);
    }

    private static String backendPid(DatabaseToolset set, ToolCallContext ctx) {
        ToolResult r = query(set, ctx, "SELECT pg_backend_pid()");
        assertThat(r.isError()).as("%s", r.texts()).isFalse();
        return r.texts().get(0);
    }

    private static int serverConnectionsOfTheTools() {
        return Integer.parseInt(TestDatabase.adminQuery("SELECT count(*) FROM pg_stat_activity WHERE usename = '"
                + DevDatabase.READ_ONLY_ROLE + "' AND datname = 'shop' AND application_name = 'pgedge-postgres-mcp'"));
    }

    @Test
    void eachTokenGetsItsOwnPoolAndRemovingItFromTheFileClosesIt(@TempDir Path dir) throws Exception {
        ch.qos.logback.classic.Logger root = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory
                .getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> logs =
                new ch.qos.logback.core.read.ListAppender<>();
        logs.start();
        root.addAppender(logs);
        try {
            poolsPerTokenAndRevocation(dir, logs);
        } finally {
            root.detachAppender(logs);
        }
    }

    private void poolsPerTokenAndRevocation(Path dir,
            ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> logs) throws Exception {
        MutableClock clock = new MutableClock(java.time.Instant.parse("2026-01-01T00:00:00Z"));
        AuthSettings settings = AuthSettings.defaults(dir.resolve("tokens.yaml"), dir.resolve("users.yaml"));
        try (AuthService auth = AuthService.open(settings, clock, 4);
             DatabaseToolset tools = DatabaseToolset.open(List.of(dev), QueryLimits.defaults(), clock)) {
            tools.closePoolsOnRevocation(auth);
            CreatedToken a = auth.addToken("token A", (Duration) null, null);
            CreatedToken b = auth.addToken("token B", (Duration) null, null);
            auth.start();
            ToolCallContext ctxA = context(auth, a.plaintext());
            ToolCallContext ctxB = context(auth, b.plaintext());
            int before = serverConnectionsOfTheTools();

            String pidA = backendPid(tools, ctxA);
            String pidB = backendPid(tools, ctxB);
            assertThat(pidA).isNotEqualTo(pidB);
            assertThat(backendPid(tools, ctxA)).as("A keeps its own connection").isEqualTo(pidA);
            assertThat(tools.openPools()).isEqualTo(2);
            HikariDataSource poolA = tools.pools().find(a.record().hash(), "dev");
            HikariDataSource poolB = tools.pools().find(b.record().hash(), "dev");
            assertThat(poolA).isNotSameAs(poolB);
            assertThat(poolA.getPoolName()).startsWith("mcp-pool-").endsWith("/dev")
                    .doesNotContain(a.record().hash().substring(0, 8));
            assertThat(serverConnectionsOfTheTools()).isEqualTo(before + 2);

            // An admin edits the token file by hand and deletes token A.
            Path file = settings.tokenFile();
            YAMLMapper yaml = new YAMLMapper();
            ObjectNode content = (ObjectNode) yaml.readTree(file.toFile());
            ((ObjectNode) content.get("tokens")).remove(a.record().id());
            Path edited = dir.resolve("tokens.yaml.edit");
            yaml.writeValue(edited.toFile(), content);
            Files.move(edited, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);

            await().atMost(Duration.ofSeconds(10)).until(poolA::isClosed);
            assertThat(poolB.isClosed()).isFalse();
            assertThat(tools.openPools()).isEqualTo(1);
            await().atMost(Duration.ofSeconds(10)).until(() -> serverConnectionsOfTheTools() == before + 1);
            assertThat(auth.checkBearer(a.plaintext(), "127.0.0.1").accepted()).isFalse();
            // A request that passed the edge just before the removal cannot bring the pool back.
            ToolResult late = query(tools, ctxA, "SELECT 1");
            assertThat(late.isError()).isTrue();
            assertThat(late.texts().get(0)).isEqualTo("These credentials were revoked");
            assertThat(tools.openPools()).isEqualTo(1);
            assertThat(backendPid(tools, ctxB)).isEqualTo(pidB);

            // Removal through the API (CLI, console) closes the pool too.
            auth.removeToken(b.record().id());
            await().atMost(Duration.ofSeconds(10)).until(poolB::isClosed);
            assertThat(tools.openPools()).isZero();

            // The pools were opened and closed in the log, under opaque labels only.
            List<String> lines;
            synchronized (logs.list) {
                lines = logs.list.stream().map(e -> e.getFormattedMessage()
                        + (e.getThrowableProxy() == null ? "" : e.getThrowableProxy().getMessage())).toList();
            }
            assertThat(lines).anyMatch(l -> l.startsWith("Opened connection pool " + poolA.getPoolName()))
                    .anyMatch(l -> l.startsWith("Closing connection pool " + poolA.getPoolName() + " (credentials revoked)"));
            for (CreatedToken t : List.of(a, b)) {
                assertThat(lines).noneMatch(l -> l.contains(t.record().hash().substring(0, 12)))
                        .noneMatch(l -> l.contains(t.plaintext()));
            }
            assertThat(lines).noneMatch(l -> l.contains(dev.password()));
        }
    }

    @Test
    void idlePoolsAreClosedAfterTheIdleTimeout() {
        MutableClock clock = new MutableClock(java.time.Instant.parse("2026-01-01T00:00:00Z"));
        QueryLimits limits = QueryLimits.defaults().withPools(64, Duration.ofMinutes(10));
        try (DatabaseToolset tools = DatabaseToolset.open(List.of(dev), limits, clock)) {
            ToolCallContext busy = DatabaseToolsTest.ctx("busy", null);
            ToolCallContext idle = DatabaseToolsTest.ctx("idle", null);
            backendPid(tools, busy);
            backendPid(tools, idle);
            HikariDataSource idlePool = tools.pools().find("idle", "dev");
            clock.advance(Duration.ofMinutes(6));
            backendPid(tools, busy);
            assertThat(tools.evictIdlePools()).isZero();
            clock.advance(Duration.ofMinutes(5));
            assertThat(tools.evictIdlePools()).isEqualTo(1);
            await().atMost(Duration.ofSeconds(10)).until(idlePool::isClosed);
            assertThat(tools.pools().find("busy", "dev")).isNotNull();
            assertThat(tools.pools().find("idle", "dev")).isNull();
            // Used again later: a new pool, transparently.
            backendPid(tools, idle);
            assertThat(tools.pools().find("idle", "dev")).isNotSameAs(idlePool);
        }
    }

    @Test
    void theNumberOfPoolsIsCappedByClosingTheLeastRecentlyUsed() {
        MutableClock clock = new MutableClock(java.time.Instant.parse("2026-01-01T00:00:00Z"));
        QueryLimits limits = QueryLimits.defaults().withPools(2, Duration.ofMinutes(10));
        try (DatabaseToolset tools = DatabaseToolset.open(List.of(dev), limits, clock)) {
            backendPid(tools, DatabaseToolsTest.ctx("x", null));
            clock.advance(Duration.ofSeconds(1));
            backendPid(tools, DatabaseToolsTest.ctx("y", null));
            clock.advance(Duration.ofSeconds(1));
            backendPid(tools, DatabaseToolsTest.ctx("x", null));
            clock.advance(Duration.ofSeconds(1));
            HikariDataSource y = tools.pools().find("y", "dev");
            backendPid(tools, DatabaseToolsTest.ctx("z", null));
            assertThat(tools.openPools()).isEqualTo(2);
            await().atMost(Duration.ofSeconds(10)).until(y::isClosed);
            assertThat(tools.pools().find("x", "dev")).isNotNull();
            assertThat(tools.pools().find("z", "dev")).isNotNull();
        }
    }

    @Test
    void closingTheToolsetClosesEveryPool() {
        DatabaseToolset tools = DatabaseToolset.open(List.of(dev));
        backendPid(tools, DatabaseToolsTest.ctx("p", null));
        backendPid(tools, DatabaseToolsTest.ctx("q", null));
        HikariDataSource p = tools.pools().find("p", "dev");
        tools.close();
        assertThat(p.isClosed()).isTrue();
        assertThat(tools.openPools()).isZero();
    }

    private static ToolCallContext context(AuthService auth, String token) {
        BearerResult r = auth.checkBearer(token, "127.0.0.1");
        assertThat(r.accepted()).isTrue();
        AuthPrincipal p = r.principal();
        assertThat(p.tokenHash()).isEqualTo(AuthService.hashToken(token));
        return new ToolCallContext(p);
    }
}
