package com.pgedge.mcp.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.pgedge.mcp.config.DatabaseConfig;
import com.pgedge.mcp.mcp.ToolCallContext;
import com.pgedge.mcp.mcp.ToolFailure;
import com.pgedge.mcp.mcp.ToolResult;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SQL that tries to write, to leave the read-only transaction, to change settings for later
 * callers, to reach server files or programs, or to run too long. Each attempt must fail and
 * change nothing; afterwards an admin connection checks the data and the catalog, and the next
 * caller on the same (single) pooled connection checks its session state.
 *
 * <p>Two layers are attacked separately: through the tools (the statement guard refuses first),
 * and straight through the read-only runner with the guard skipped, to show that the deeper
 * layers (read-only transaction, role privileges, DISCARD ALL) hold on their own.
 */
class AdversarialSqlTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ToolCallContext CALLER = DatabaseToolsTest.ctx("attacker-hash", null);
    private static final Path PWNED = Path.of(System.getProperty("java.io.tmpdir"), "pgedge-mcp-pwned-" + ProcessHandle.current().pid());
    private static DatabaseConfig dev;
    private static DatabaseToolset tools;
    private static Map<String, String> baselineData;
    private static Map<String, String> baselineSession;

    @BeforeAll
    static void start() {
        DatabaseConfig base = TestDatabase.get().databaseConfig();
        // One connection per pool: the "next caller" below gets exactly the connection the attack used.
        dev = new DatabaseConfig(base.name(), base.host(), base.port(), base.database(), base.user(), base.password(),
                base.sslmode(), 1, 0, Duration.ofMinutes(5));
        tools = DatabaseToolset.open(List.of(dev), QueryLimits.defaults().withStatementTimeout(Duration.ofSeconds(2)),
                Clock.systemUTC());
        baselineData = dataSnapshot();
        baselineSession = sessionSnapshot();
        assertThat(baselineSession.get("transaction_read_only")).isEqualTo("on");
        assertThat(baselineSession.get("current_user")).isEqualTo(DevDatabase.READ_ONLY_ROLE);
    }

    @AfterAll
    static void stop() {
        tools.close();
    }

    @AfterEach
    void nothingChanged() throws Exception {
        assertThat(dataSnapshot()).isEqualTo(baselineData);
        Map<String, String> session = sessionSnapshot();
        assertThat(session).isEqualTo(baselineSession);
        assertThat(Files.exists(PWNED)).as("a program ran on the server").isFalse();
    }

    // ---- through the tools -----------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {
            // writes
            "INSERT INTO customers (name, email, country) VALUES ('x', 'x@example.org', 'XX')",
            "UPDATE products SET price = 0",
            "DELETE FROM orders",
            "TRUNCATE order_items",
            "DROP TABLE customers",
            "ALTER TABLE customers ADD COLUMN evil int",
            "CREATE TABLE evil (a int)",
            "CREATE TEMP TABLE evil (a int)",
            "CREATE FUNCTION evil() RETURNS int LANGUAGE sql AS 'SELECT 1'",
            "GRANT ALL ON customers TO PUBLIC",
            "WITH d AS (DELETE FROM orders RETURNING *) SELECT count(*) FROM d",
            "WITH u AS (UPDATE products SET price = 0 RETURNING 1) SELECT 1",
            "WITH i AS (INSERT INTO customers (name, email, country) VALUES ('x','y','z') RETURNING 1) SELECT 1",
            "SELECT * INTO evil FROM customers",
            "SELECT * FROM customers FOR UPDATE",
            "SELECT * FROM customers FOR NO KEY UPDATE",
            "SELECT * FROM customers FOR SHARE",
            "SELECT * FROM customers FOR KEY SHARE",
            // functions with side effects
            "SELECT nextval('customers_id_seq')",
            "SELECT setval('customers_id_seq', 1000)",
            "SELECT pg_advisory_lock(42)",
            "SELECT pg_try_advisory_lock(42)",
            "SELECT lo_import('/etc/hostname')",
            "SELECT lo_from_bytea(0, 'x')",
            "SELECT lo_create(0)",
            "SELECT dblink_exec('dbname=shop', 'DELETE FROM orders')",
            "SELECT pg_read_file('/etc/passwd')",
            "SELECT pg_read_binary_file('/etc/passwd')",
            "SELECT pg_ls_dir('.')",
            "SELECT pg_stat_file('postgresql.conf')",
            "SELECT query_to_xml('DELETE FROM orders', true, true, '')",
            "SELECT pg_terminate_backend(pg_backend_pid())",
            "SELECT pg_reload_conf()",
            "COPY customers TO PROGRAM 'touch /tmp/x'",
            "COPY (SELECT 1) TO '/tmp/x'",
            "COPY customers FROM '/etc/passwd'",
            "PREPARE evil AS DELETE FROM orders",
            "PREPARE evil AS SELECT 1",
            "EXECUTE evil",
            "DEALLOCATE ALL",
            "DO $$ BEGIN DELETE FROM orders; END $$",
            "CALL evil()",
            "LOCK TABLE customers",
            "LISTEN evil",
            "NOTIFY evil",
            "VACUUM customers",
            "ANALYZE customers",
            "REFRESH MATERIALIZED VIEW evil",
            "EXPLAIN ANALYZE DELETE FROM orders",
            "EXPLAIN ANALYZE WITH d AS (DELETE FROM orders RETURNING 1) SELECT 1",
            // leaving the read-only transaction
            "COMMIT",
            "ROLLBACK",
            "END",
            "ABORT",
            "BEGIN READ WRITE",
            "START TRANSACTION READ WRITE",
            "SET TRANSACTION READ WRITE",
            "SET SESSION CHARACTERISTICS AS TRANSACTION READ WRITE",
            "SAVEPOINT s",
            "RELEASE SAVEPOINT s",
            // settings for later callers
            "SET statement_timeout = 0",
            "SET search_path = pg_temp, public",
            "SET default_transaction_read_only = off",
            "RESET ALL",
            "RESET default_transaction_read_only",
            "SET ROLE postgres",
            "SET SESSION AUTHORIZATION postgres",
            "RESET ROLE",
            "DISCARD ALL",
            "SELECT set_config('statement_timeout', '0', false)",
            "SELECT set_config('default_transaction_read_only', 'off', false)",
            "SELECT pg_catalog.set_config('search_path', 'evil', false)",
            "SELECT \"set_config\"('application_name', 'evil', false)",
            "SELECT * FROM set_config('statement_timeout', '0', false)",
            // more than one statement, in disguise
            "SELECT 1; DELETE FROM orders",
            "SELECT 1;DELETE FROM orders",
            "SELECT 1 ; COMMIT ; BEGIN READ WRITE ; DELETE FROM orders",
            "SELECT 1; SET statement_timeout = 0",
            "SELECT 1/*;*/; DELETE FROM orders",
            "SELECT 1 -- ;\n; DELETE FROM orders",
            "SELECT '--'; DELETE FROM orders",
            "SELECT '/*'; DELETE FROM orders; SELECT '*/'",
            "SELECT $$;$$; DELETE FROM orders",
            "SELECT $a$ $$ ; $a$; DELETE FROM orders",
            "SELECT $a$;$a$ ; DELETE FROM orders",
            "SELECT E'\\'';DELETE FROM orders --'",
            "SELECT E'\\\\'; DELETE FROM orders; SELECT '",
            "SELECT 'a''b'; DELETE FROM orders",
            "SELECT \"a;b\" FROM (SELECT 1 AS \"a;b\") t; DELETE FROM orders",
            "SELECT \"x\"\";DELETE FROM orders;--\" FROM t",
            "SELECT /* /* nested */ ; */ 1; DELETE FROM orders",
            "SELECT U&'\\0027'; DELETE FROM orders",
            "SELECT 1;\n\n  DELETE FROM orders",
            "VALUES (1); DROP TABLE customers",
            "TABLE customers; TRUNCATE orders",
            "SHOW search_path; SET search_path = evil",
            "SELECT 1 \\g DELETE FROM orders",
            "SELECT 1\u0000; DELETE FROM orders",
    })
    void queryDatabaseRefusesAndChangesNothing(String sql) {
        ObjectNode args = JSON.createObjectNode();
        args.put("query", sql);
        ToolResult r = DatabaseToolsTest.tool(tools, "query_database").call(CALLER, args);
        assertThat(r.isError()).as("%s was accepted: %s", sql, r.texts()).isTrue();
    }

    @Test
    void queriesThatRunTooLongAreCancelled() {
        ObjectNode args = JSON.createObjectNode();
        args.put("query", "SELECT pg_sleep(30)");
        ToolResult r = DatabaseToolsTest.tool(tools, "query_database").call(CALLER, args);
        assertThat(r.isError()).isTrue();
        assertThat(r.texts().get(0)).contains("canceling statement due to statement timeout").contains("57014");
        args.put("query", "SELECT count(*) FROM generate_series(1, 1000000000)");
        r = DatabaseToolsTest.tool(tools, "query_database").call(CALLER, args);
        assertThat(r.texts().get(0)).contains("statement timeout");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "true; DELETE FROM orders",
            "1=1) ; DELETE FROM orders; --",
            "true) UNION ALL SELECT count(*) FROM orders WHERE (true",
            "(SELECT setval('customers_id_seq', 999)) > 0",
            "(SELECT nextval('customers_id_seq')) > 0",
            "pg_advisory_lock(7) IS NOT NULL",
            "set_config('statement_timeout', '0', false) IS NOT NULL",
            "id IN (SELECT id FROM customers FOR UPDATE)",
            "EXISTS (WITH d AS (DELETE FROM orders RETURNING 1) SELECT 1 FROM d)",
            "true /* unterminated",
            "true --\n) ; DELETE FROM orders; SELECT (1",
            "$$ ; $$ = '' ; DELETE FROM orders",
    })
    void countRowsWhereRefusesAndChangesNothing(String where) {
        ObjectNode args = JSON.createObjectNode();
        args.put("table", "customers");
        args.put("where", where);
        ToolResult r = DatabaseToolsTest.tool(tools, "count_rows").call(CALLER, args);
        assertThat(r.isError()).as("%s was accepted: %s", where, r.texts()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "WITH d AS (DELETE FROM orders RETURNING *) SELECT * FROM d",
            "SELECT nextval('customers_id_seq')",
            "SELECT * FROM customers FOR UPDATE",
            "SELECT 1; DELETE FROM orders",
            "DELETE FROM orders",
    })
    void explainAnalyzeRefusesAndChangesNothing(String sql) {
        ObjectNode args = JSON.createObjectNode();
        args.put("query", sql);
        args.put("analyze", true);
        ToolResult r = DatabaseToolsTest.tool(tools, "execute_explain").call(CALLER, args);
        assertThat(r.isError()).as("%s was accepted: %s", sql, r.texts()).isTrue();
    }

    @Test
    void schemaToolsTakeHostileNamesAsPlainValues() {
        for (String name : List.of("customers'; DROP TABLE customers; --", "\"; DELETE FROM orders; --",
                "public.customers", "customers;", "$$;DELETE FROM orders;$$", "cust%", "cust_mers")) {
            ObjectNode args = JSON.createObjectNode();
            args.put("table_name", name);
            assertThat(DatabaseToolsTest.tool(tools, "get_schema_info").call(CALLER, args).texts().get(0))
                    .contains("No table or view named");
            args = JSON.createObjectNode();
            args.put("schema_name", name);
            assertThat(DatabaseToolsTest.tool(tools, "get_schema_info").call(CALLER, args).texts().get(0))
                    .contains("No schema named");
            args = JSON.createObjectNode();
            args.put("table", name);
            args.put("schema", name);
            assertThat(DatabaseToolsTest.tool(tools, "count_rows").call(CALLER, args).texts().get(0))
                    .contains("No table or view named");
        }
    }

    // ---- the deeper layers alone: the guard is skipped ----------------------------------------

    /**
     * Runs raw SQL on the attacker's pool through the read-only runner, skipping the statement
     * guard, as if the lexer had a bug. pgjdbc runs every statement of a batch.
     */
    private static Throwable runUnguarded(String sql) {
        HikariDataSource pool = tools.pools().acquire(CALLER.principal(), dev);
        try {
            new ReadOnlyRunner(Duration.ofSeconds(2)).run(pool, (c, r) -> {
                try (Statement s = c.createStatement()) {
                    s.execute(sql);
                }
                return null;
            });
            return null;
        } catch (SQLException | ToolFailure e) {
            return e;
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "INSERT INTO customers (name, email, country) VALUES ('x', 'x@example.org', 'XX')",
            "WITH d AS (DELETE FROM orders RETURNING *) SELECT count(*) FROM d",
            "SELECT * FROM customers FOR UPDATE",
            "SELECT nextval('customers_id_seq')",
            "SELECT setval('customers_id_seq', 1000)",
            "CREATE TEMP TABLE evil (a int)",
            "SELECT * INTO evil FROM customers",
            "SELECT lo_import('/etc/hostname')",
            "SELECT lo_create(0)",
            "SELECT lo_from_bytea(0, 'x')",
            "SELECT pg_read_file('/etc/passwd')",
            "SELECT pg_ls_dir('.')",
            "SET ROLE postgres",
            "SET SESSION AUTHORIZATION postgres",
            // Leaving the transaction: the next statements run with the session defaults
            // (read-only from the start-up options and the role), then lack privileges.
            "SELECT 1; COMMIT; INSERT INTO customers (name, email, country) VALUES ('x', 'y', 'z')",
            "COMMIT; BEGIN READ WRITE; DELETE FROM orders",
            "SELECT 1; COMMIT; SET default_transaction_read_only = off; DELETE FROM orders",
            "SELECT 1; COMMIT; SET SESSION CHARACTERISTICS AS TRANSACTION READ WRITE; UPDATE products SET price = 0",
            "SELECT 1; COMMIT; CREATE TEMP TABLE evil (a int)",
            "SELECT 1; COMMIT; CREATE TABLE public.evil (a int)",
            "SELECT 1; COMMIT; SELECT nextval('customers_id_seq')",
            "SELECT 1; COMMIT; SET ROLE postgres",
            "COPY customers TO PROGRAM 'touch /tmp/pgedge-mcp-never'",
            "SELECT 1; COMMIT; COPY customers TO PROGRAM 'touch /tmp/pgedge-mcp-never'",
            "SELECT 1; COMMIT; COPY customers FROM '/etc/passwd'",
    })
    void deeperLayersRefuseWhatTheGuardWouldHaveStopped(String sql) {
        Throwable failure = runUnguarded(sql);
        assertThat(failure).as("%s succeeded", sql).isNotNull();
        assertThat(Files.exists(Path.of("/tmp/pgedge-mcp-never"))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            // Accepted by the server, but must not outlive the call (rollback, then DISCARD ALL).
            "SET statement_timeout = 0",
            "SELECT set_config('statement_timeout', '0', false)",
            "SELECT set_config('search_path', 'evil', false)",
            "SELECT pg_advisory_lock(42)",
            "SELECT 1; COMMIT; SET statement_timeout = 0; SET search_path = evil; SET application_name = 'evil'",
            "SELECT 1; COMMIT; SET default_transaction_read_only = off",
            "SELECT 1; COMMIT; SELECT pg_advisory_lock(42)",
            "SELECT 1; COMMIT; PREPARE evil AS SELECT 1",
            "SELECT 1; COMMIT; LISTEN evil",
            "SELECT 1; COMMIT; DECLARE c CURSOR WITH HOLD FOR SELECT 1",
            "SELECT 1; COMMIT; SET SESSION CHARACTERISTICS AS TRANSACTION READ WRITE",
    })
    void sessionChangesDoNotReachTheNextCaller(String sql) {
        runUnguarded(sql);
        // checked in nothingChanged(): the next caller's settings, locks, prepared statements
    }

    @Test
    void endingTheTransactionIsDetectedAndTheConnectionEvicted() {
        String pidBefore = backendPid();
        assertThat(backendPid()).as("a clean connection is reused").isEqualTo(pidBefore);
        Throwable failure = runUnguarded("SELECT 1; COMMIT; SELECT 2");
        assertThat(failure).isInstanceOf(ToolFailure.class).hasMessageContaining("end the read-only transaction");
        assertThat(backendPid()).as("the tampered connection was closed, not reused").isNotEqualTo(pidBefore);
    }

    private static String backendPid() {
        ObjectNode args = JSON.createObjectNode();
        args.put("query", "SELECT pg_backend_pid()");
        return DatabaseToolsTest.tool(tools, "query_database").call(CALLER, args).texts().get(0);
    }

    // ---- observations -------------------------------------------------------------------------

    private static Map<String, String> dataSnapshot() {
        Map<String, String> m = new LinkedHashMap<>();
        try (Connection c = TestDatabase.admin(); Statement s = c.createStatement()) {
            put(m, s, "customers", "SELECT count(*) || '/' || max(id) FROM customers");
            put(m, s, "products", "SELECT count(*) || '/' || sum(price) FROM products");
            put(m, s, "orders", "SELECT count(*) || '/' || string_agg(status, ',' ORDER BY id) FROM orders");
            put(m, s, "order_items", "SELECT count(*) || '/' || sum(quantity) FROM order_items");
            put(m, s, "sequence", "SELECT last_value || '/' || is_called FROM customers_id_seq");
            put(m, s, "relations", "SELECT count(*) FROM pg_class WHERE relnamespace = 'public'::regnamespace");
            put(m, s, "evil", "SELECT count(*) FROM pg_class WHERE relname = 'evil'");
            put(m, s, "temp", "SELECT count(*) FROM pg_class WHERE relpersistence = 't'");
            put(m, s, "functions", "SELECT count(*) FROM pg_proc WHERE pronamespace = 'public'::regnamespace");
            put(m, s, "large objects", "SELECT count(*) FROM pg_largeobject_metadata");
            put(m, s, "advisory locks", "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'");
            put(m, s, "acl", "SELECT relacl::text FROM pg_class WHERE relname = 'customers'");
            put(m, s, "role", "SELECT rolsuper || '/' || rolcreaterole || '/' || rolcreatedb FROM pg_roles "
                    + "WHERE rolname = 'mcp_readonly'");
            put(m, s, "role settings", "SELECT string_agg(array_to_string(setconfig, ','), ';') FROM pg_db_role_setting");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return m;
    }

    private static void put(Map<String, String> m, Statement s, String key, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            m.put(key, rs.getString(1));
        }
    }

    /** What the next caller of the attacker's (single-connection) pool sees. */
    private static Map<String, String> sessionSnapshot() {
        ObjectNode args = JSON.createObjectNode();
        args.put("query", """
                SELECT current_setting('statement_timeout') AS statement_timeout,
                       current_setting('default_transaction_read_only') AS default_read_only,
                       current_setting('transaction_read_only') AS transaction_read_only,
                       current_setting('search_path') AS search_path,
                       current_setting('application_name') AS application_name,
                       current_setting('transaction_isolation') AS isolation,
                       current_user, session_user,
                       (SELECT count(*) FROM pg_prepared_statements) AS prepared,
                       (SELECT count(*) FROM pg_cursors) AS cursors,
                       (SELECT count(*) FROM pg_listening_channels()) AS listening
                """);
        ToolResult r = DatabaseToolsTest.tool(tools, "query_database").call(CALLER, args);
        assertThat(r.isError()).as("%s", r.texts()).isFalse();
        List<String> lines = r.texts().get(0).lines().toList();
        String[] names = lines.get(0).split("\t");
        String[] values = lines.get(1).split("\t", -1);
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < names.length; i++) {
            m.put(names[i], values[i]);
        }
        return m;
    }
}
