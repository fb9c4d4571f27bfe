package com.pgedge.mcp.db;

import com.pgedge.mcp.config.DatabaseConfig;
import com.pgedge.mcp.config.UserDataFolder;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.Objects;
import java.util.Properties;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded development database behind {@code -dev}: a real PostgreSQL 14 started from the
 * zonky binaries jar, with its data in a per-user folder that survives restarts, a small sample
 * shop schema, and a non-superuser read-only role that the tools connect as.
 *
 * <p>Folder layout ({@link #defaultFolder()} unless given):
 * <pre>
 *   data/                  the PostgreSQL data directory (0700, made by initdb)
 *   binaries/              PostgreSQL unpacked from the jar (kept per user, not in a shared /tmp)
 *   credentials.properties the generated passwords of "postgres" and "mcp_readonly" (0600)
 *   postgres.log           the server's output
 *   setup-complete         written once the sample schema and role exist
 * </pre>
 *
 * <p>After the first start every connection needs a password (SCRAM): initdb's "trust" rules
 * are replaced, so other local users cannot connect as the superuser.
 */
public final class DevDatabase implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DevDatabase.class);

    /** The name tools and tokens use for it ({@code -token-database dev}). */
    public static final String CONFIG_NAME = "dev";
    public static final String DATABASE = "shop";
    public static final String READ_ONLY_ROLE = "mcp_readonly";
    private static final String SUPERUSER = "postgres";
    private static final String SETUP_MARKER = "setup-complete";

    private final Path folder;
    private final EmbeddedPostgres postgres;
    private final String superuserPassword;
    private final DatabaseConfig config;

    private DevDatabase(Path folder, EmbeddedPostgres postgres, String superuserPassword, String readOnlyPassword) {
        this.folder = folder;
        this.postgres = postgres;
        this.superuserPassword = superuserPassword;
        this.config = new DatabaseConfig(CONFIG_NAME, "localhost", postgres.getPort(), DATABASE, READ_ONLY_ROLE,
                readOnlyPassword, "disable", 4, 0, Duration.ofMinutes(10));
    }

    /** {@code devdb} inside the per-user data folder ({@link UserDataFolder}). */
    public static Path defaultFolder() {
        return UserDataFolder.resolve().resolve("devdb");
    }

    /** Starts it in {@link #defaultFolder()}. */
    public static DevDatabase start(Consumer<String> progress) {
        return start(defaultFolder(), progress);
    }

    /**
     * Starts PostgreSQL (creating the data folder, sample schema and role on first use) and waits
     * until it accepts connections. Blocks for a few seconds (longer on the first start, which
     * unpacks the binaries): call it off any UI or I/O thread.
     *
     * @param progress receives short human-readable steps ("Starting PostgreSQL ..."); {@code null}
     *                 writes them to the log instead
     * @throws DevDatabaseException with a message that says what to do
     */
    public static DevDatabase start(Path folder, Consumer<String> progress) {
        return start(folder, folder.resolve("binaries"), progress);
    }

    /** As {@link #start(Path, Consumer)} with the unpacked binaries elsewhere (tests share one copy). */
    static DevDatabase start(Path folder, Path binaries, Consumer<String> progress) {
        Objects.requireNonNull(folder, "folder");
        // Steps go to the callback when there is one (the console shows them), else to the log.
        Consumer<String> report = progress != null ? progress : step -> LOG.info("[DEV] {}", step);
        Path data = folder.resolve("data");
        boolean fresh = !Files.exists(data.resolve("PG_VERSION"));
        try {
            createPrivateFolder(folder);
            Credentials credentials = Credentials.loadOrCreate(folder.resolve("credentials.properties"), fresh);
            report.accept(fresh ? "Creating a new development database in " + folder
                    : "Using the development database in " + folder);
            report.accept(fresh ? "Starting PostgreSQL (first start: unpacking binaries and running initdb)..."
                    : "Starting PostgreSQL...");
            Path log = folder.resolve("postgres.log");
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setDataDirectory(data)
                    .setCleanDataDirectory(false)
                    .setOverrideWorkingDirectory(binaries.toFile())
                    .setServerConfig("listen_addresses", "localhost")
                    .setServerConfig("max_connections", "100")
                    .setConnectConfig("password", credentials.superuser())
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            DevDatabase db = new DevDatabase(folder, pg, credentials.superuser(), credentials.readOnly());
            try {
                if (!Files.exists(folder.resolve(SETUP_MARKER))) {
                    report.accept("Creating the sample database '" + DATABASE + "' and the read-only role '"
                            + READ_ONLY_ROLE + "'...");
                    db.setUp(credentials);
                    Files.writeString(folder.resolve(SETUP_MARKER), "ok\n");
                }
            } catch (SQLException | IOException | RuntimeException e) {
                db.close();
                throw e;
            }
            report.accept("PostgreSQL " + db.serverVersion() + " is ready on localhost:" + pg.getPort()
                    + " (database '" + DATABASE + "', user '" + READ_ONLY_ROLE + "')");
            return db;
        } catch (IllegalStateException e) {
            // Another process holds zonky's lock on the data folder; within one JVM the same lock
            // shows up as OverlappingFileLockException.
            if (e instanceof java.nio.channels.OverlappingFileLockException
                    || String.valueOf(e.getMessage()).contains("could not lock")) {
                throw new DevDatabaseException("The development database in " + folder
                        + " is already in use by another process", e);
            }
            throw new DevDatabaseException("PostgreSQL could not be started: " + e.getMessage()
                    + " (see " + folder.resolve("postgres.log") + ")", e);
        } catch (IOException | UncheckedIOException e) {
            throw new DevDatabaseException("PostgreSQL could not be started: " + e.getMessage()
                    + " (see " + folder.resolve("postgres.log") + ")", e);
        } catch (SQLException e) {
            throw new DevDatabaseException("The development database could not be prepared: " + e.getMessage(), e);
        }
    }

    /** Connection settings for the tools: the read-only role on the sample database. */
    public DatabaseConfig databaseConfig() {
        return config;
    }

    public int port() {
        return postgres.getPort();
    }

    public Path folder() {
        return folder;
    }

    /** A superuser data source, for tests and administration; never handed to the tools. */
    DataSource adminDataSource(String database) {
        return postgres.getDatabase(SUPERUSER, database, java.util.Map.of("password", superuserPassword));
    }

    /** Stops PostgreSQL (fast shutdown). The data stays for the next start. */
    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            LOG.warn("[DEV] PostgreSQL did not stop cleanly: {}", e.getMessage());
        }
    }

    private String serverVersion() throws SQLException {
        try (Connection c = adminDataSource("postgres").getConnection(); Statement s = c.createStatement();
             var rs = s.executeQuery("SHOW server_version")) {
            rs.next();
            return rs.getString(1);
        }
    }

    /**
     * First start only: the sample database, the read-only role (the recipe in docs/security.md),
     * passwords, then password authentication for every connection.
     */
    private void setUp(Credentials credentials) throws SQLException, IOException {
        try (Connection c = adminDataSource("postgres").getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + DATABASE);
            s.execute("DROP ROLE IF EXISTS " + READ_ONLY_ROLE);
            s.execute("ALTER ROLE " + SUPERUSER + " PASSWORD '" + credentials.superuser() + "'");
            s.execute("CREATE ROLE " + READ_ONLY_ROLE + " LOGIN PASSWORD '" + credentials.readOnly() + "'"
                    + " NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS CONNECTION LIMIT 200");
            s.execute("ALTER ROLE " + READ_ONLY_ROLE + " SET default_transaction_read_only = on");
            s.execute("CREATE DATABASE " + DATABASE);
            // Only the roles we name may connect; nobody gets temporary tables.
            s.execute("REVOKE ALL ON DATABASE " + DATABASE + " FROM PUBLIC");
            s.execute("REVOKE CONNECT, TEMPORARY ON DATABASE postgres FROM PUBLIC");
            s.execute("GRANT CONNECT ON DATABASE " + DATABASE + " TO " + READ_ONLY_ROLE);
        }
        try (Connection c = adminDataSource(DATABASE).getConnection(); Statement s = c.createStatement()) {
            for (String statement : sampleSchema()) {
                s.execute(statement);
            }
            s.execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC");
            s.execute("REVOKE EXECUTE ON FUNCTION pg_catalog.lo_create(oid), pg_catalog.lo_creat(integer), "
                    + "pg_catalog.lo_from_bytea(oid, bytea), pg_catalog.lo_import(text), pg_catalog.lo_import(text, oid) "
                    + "FROM PUBLIC");
            s.execute("GRANT USAGE ON SCHEMA public TO " + READ_ONLY_ROLE);
            s.execute("GRANT SELECT ON ALL TABLES IN SCHEMA public TO " + READ_ONLY_ROLE);
            s.execute("ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO " + READ_ONLY_ROLE);
            s.execute("ANALYZE");
        }
        requirePasswords();
    }

    /** Replaces initdb's "trust" rules: from now on every connection needs its password. */
    private void requirePasswords() throws SQLException, IOException {
        Path hba = folder.resolve("data").resolve("pg_hba.conf");
        StringBuilder rules = new StringBuilder("""
                # Written by pgedge-postgres-mcp -dev: every connection needs a password (SCRAM).
                # TYPE  DATABASE  USER  ADDRESS        METHOD
                """);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            rules.append("local   all       all                  scram-sha-256\n");
        }
        rules.append("host    all       all   127.0.0.1/32   scram-sha-256\n");
        rules.append("host    all       all   ::1/128        scram-sha-256\n");
        Path tmp = hba.resolveSibling("pg_hba.conf.tmp");
        Files.writeString(tmp, rules, StandardCharsets.UTF_8);
        move(tmp, hba);
        try (Connection c = adminDataSource("postgres").getConnection(); Statement s = c.createStatement()) {
            s.execute("SELECT pg_reload_conf()");
        }
    }

    private static java.util.List<String> sampleSchema() throws IOException {
        try (InputStream in = DevDatabase.class.getResourceAsStream("dev-sample-schema.sql")) {
            if (in == null) {
                throw new IOException("dev-sample-schema.sql is missing from the jar");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return java.util.Arrays.stream(text.split("(?m)^;;\\s*$"))
                    .map(s -> s.replaceAll("(?m)^--.*$", "").strip())
                    .filter(s -> !s.isEmpty())
                    .toList();
        }
    }

    private static void createPrivateFolder(Path folder) throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            if (!Files.isDirectory(folder)) {
                Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rwx------")));
            }
        } else {
            Files.createDirectories(folder);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The generated passwords, kept in a 0600 file beside the data. */
    private record Credentials(String superuser, String readOnly) {

        static Credentials loadOrCreate(Path file, boolean fresh) throws IOException {
            if (!fresh && Files.exists(file)) {
                Properties p = new Properties();
                try (InputStream in = Files.newInputStream(file)) {
                    p.load(in);
                }
                String su = p.getProperty("superuser.password");
                String ro = p.getProperty("readonly.password");
                if (su != null && ro != null) {
                    return new Credentials(su, ro);
                }
            }
            if (!fresh) {
                throw new DevDatabaseException("The development database in " + file.getParent() + " exists but its "
                        + "credentials file is missing or damaged; delete the folder to start over", null);
            }
            Credentials c = new Credentials(randomPassword(), randomPassword());
            Properties p = new Properties();
            p.setProperty("superuser.password", c.superuser());
            p.setProperty("readonly.password", c.readOnly());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.deleteIfExists(tmp);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(tmp);
            }
            try (OutputStream out = Files.newOutputStream(tmp)) {
                p.store(out, "pgedge-postgres-mcp development database passwords");
            }
            move(tmp, file);
            return c;
        }

        private static String randomPassword() {
            byte[] bytes = new byte[24];
            new SecureRandom().nextBytes(bytes);
            // URL-safe base64 without padding: no quote, so it can sit in a SQL literal as is.
            return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        }

        @Override
        public String toString() {
            return "Credentials[hidden]";
        }
    }

    /** Start-up failed; the message says why and what to do. */
    public static final class DevDatabaseException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public DevDatabaseException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
