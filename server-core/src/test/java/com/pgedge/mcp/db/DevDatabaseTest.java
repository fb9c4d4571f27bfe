package com.pgedge.mcp.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.pgedge.mcp.config.DatabaseConfig;
import com.pgedge.mcp.config.ServerConfig;
import com.pgedge.mcp.mcp.ToolCallContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The development database's own life cycle: first start, password-only access, the read-only
 * role's limits, data kept across a restart, one process per folder, and -dev wiring. Starts its
 * own PostgreSQL twice (a few seconds each), separate from the shared test instance.
 */
class DevDatabaseTest {

    private static final Path TARGET = Path.of(System.getProperty("project.build.directory", "target"));

    @Test
    void firstStartRestartAndAccessRules() throws Exception {
        Path folder = TARGET.resolve("devdb-lifecycle");
        TestDatabase.deleteRecursively(folder);
        List<String> first = new ArrayList<>();
        DatabaseConfig config;
        try (DevDatabase db = DevDatabase.start(folder, TARGET.resolve("pg-binaries"), first::add)) {
            config = db.databaseConfig();
            assertThat(first.get(0)).startsWith("Creating a new development database in ");
            assertThat(first).anyMatch(s -> s.startsWith("Creating the sample database 'shop'"));
            assertThat(first.get(first.size() - 1)).matches("PostgreSQL 14\\.\\d+ is ready on localhost:\\d+ "
                    + "\\(database 'shop', user 'mcp_readonly'\\)");
            assertThat(config.user()).isEqualTo("mcp_readonly");
            assertThat(config.password()).hasSize(32);
            assertThat(Files.getPosixFilePermissions(folder.resolve("credentials.properties")))
                    .isEqualTo(PosixFilePermissions.fromString("rw-------"));
            assertThat(Files.getPosixFilePermissions(folder)).isEqualTo(PosixFilePermissions.fromString("rwx------"));

            // initdb's "trust" is gone: no password, no connection, even for the superuser.
            assertThatThrownBy(() -> connect(db.port(), "postgres", null))
                    .isInstanceOf(SQLException.class).hasMessageContaining("password");
            assertThatThrownBy(() -> connect(db.port(), "mcp_readonly", "wrong"))
                    .hasMessageContaining("password authentication failed");

            try (Connection ro = connect(db.port(), "mcp_readonly", config.password()); Statement s = ro.createStatement()) {
                assertThat(one(s, "SELECT count(*) FROM customers")).isEqualTo("10");
                assertThat(one(s, "SHOW default_transaction_read_only")).isEqualTo("on");
                assertThat(one(s, "SELECT rolsuper FROM pg_roles WHERE rolname = current_user")).isEqualTo("f");
                // Even with read-only switched off for the session, the role has no write privileges.
                s.execute("SET default_transaction_read_only = off");
                assertThatThrownBy(() -> s.execute("INSERT INTO customers (name, email, country) VALUES ('x','y','z')"))
                        .hasMessageContaining("permission denied for table customers");
                assertThatThrownBy(() -> s.execute("CREATE TEMP TABLE t (a int)"))
                        .hasMessageContaining("permission denied to create temporary tables");
                assertThatThrownBy(() -> s.execute("CREATE TABLE public.t (a int)"))
                        .hasMessageContaining("permission denied for schema public");
                assertThatThrownBy(() -> s.execute("SELECT lo_create(0)")).hasMessageContaining("permission denied");
                assertThatThrownBy(() -> s.execute("COPY customers TO PROGRAM 'true'"))
                        .hasMessageContaining("pg_execute_server_program");
                assertThatThrownBy(() -> s.execute("SELECT pg_read_file('PG_VERSION')")).hasMessageContaining("permission denied");
            }
            assertThatThrownBy(() -> connect(db.port(), "mcp_readonly", config.password(), "postgres"))
                    .hasMessageContaining("permission denied for database \"postgres\"");

            try (Connection admin = db.adminDataSource("shop").getConnection(); Statement s = admin.createStatement()) {
                s.execute("INSERT INTO customers (name, email, country) VALUES ('Kept Across Restarts', 'kept@example.com', 'DE')");
            }

            // One process per folder.
            assertThatThrownBy(() -> DevDatabase.start(folder, TARGET.resolve("pg-binaries"), s -> { }))
                    .isInstanceOf(DevDatabase.DevDatabaseException.class)
                    .hasMessageContaining("already in use by another process");
        }
        assertThatThrownBy(() -> connect(config.port(), "mcp_readonly", config.password()))
                .as("stopped by close()").isInstanceOf(SQLException.class);

        List<String> second = new ArrayList<>();
        ServerConfig serverConfig = new ServerConfig(null, new ServerConfig.HttpConfig(false, null, null, null,
                new ServerConfig.TlsConfig(false, null, null, null),
                new ServerConfig.AuthConfig(true, null, null, null, 0, 15, 10)), List.of(), false, true);
        try (DatabaseToolset tools = DatabaseToolset.fromConfig(serverConfig, folder, second::add)) {
            assertThat(second.get(0)).startsWith("Using the development database in ");
            assertThat(second).noneMatch(s -> s.startsWith("Creating"));
            assertThat(tools.databaseNames()).containsExactly("dev");
            assertThat(tools.devDatabase().databaseConfig().password()).isEqualTo(config.password());
            ObjectNode args = new ObjectMapper().createObjectNode();
            args.put("query", "SELECT name FROM customers WHERE email = 'kept@example.com'");
            assertThat(DatabaseToolsTest.tool(tools, "query_database").call(ToolCallContext.anonymous(), args).texts())
                    .containsExactly("name\nKept Across Restarts\n");
        }
        TestDatabase.deleteRecursively(folder);
    }

    @Test
    void withoutDatabasesOrDevTheConfigurationIsRefused() {
        ServerConfig none = new ServerConfig(null, new ServerConfig.HttpConfig(false, null, null, null,
                new ServerConfig.TlsConfig(false, null, null, null),
                new ServerConfig.AuthConfig(true, null, null, null, 0, 15, 10)), List.of(), false, false);
        assertThatThrownBy(() -> DatabaseToolset.fromConfig(none, s -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-dev");
    }

    @Test
    void defaultFolderFollowsThePlatformConvention() {
        Path folder = DevDatabase.defaultFolder();
        assertThat(folder.endsWith(Path.of("pgedge-postgres-mcp", "devdb"))).isTrue();
        assertThat(folder.isAbsolute()).isTrue();
    }

    private static Connection connect(int port, String user, String password) throws SQLException {
        return connect(port, user, password, "shop");
    }

    private static Connection connect(int port, String user, String password, String database) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", user);
        if (password != null) {
            p.setProperty("password", password);
        }
        p.setProperty("connectTimeout", "5");
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/" + database, p);
    }

    private static String one(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
