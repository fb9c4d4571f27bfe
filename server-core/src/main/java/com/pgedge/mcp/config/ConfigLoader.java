package com.pgedge.mcp.config;

import com.pgedge.mcp.auth.AuthSettings;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.IntFunction;

/**
 * Builds the {@link ServerConfig} from four layers, each overriding the one before (SPEC §5):
 * built-in defaults &lt; the YAML configuration file &lt; {@code PGEDGE_*} environment variables
 * &lt; command-line flags. libpq's {@code PGHOST}, {@code PGPORT}... sit just above the defaults
 * for the first database: they fill only what nothing else set.
 *
 * <p>Relative paths resolve against the folder of whatever named them: the configuration file's
 * folder for paths in the file, the current folder for flags and environment variables, and the
 * home folder ({@link ConfigLocations}) for defaults.
 *
 * <p>The environment is a parameter, never read from the process, so tests need not change it.
 * Thread-safe: a loader holds no state between calls.
 */
public final class ConfigLoader {

    /** The configuration file's default name. */
    public static final String CONFIG_FILE_NAME = "pgedge-postgres-mcp.yaml";

    /** What the configuration is for: admin commands need only the credential files. */
    public enum Purpose {
        /** Everything, validated for serving (databases, TLS files). */
        SERVER,
        /** The auth settings only; the databases are not read, so no database setting can fail. */
        ADMIN
    }

    private static final Set<String> SSL_MODES =
            Set.of("disable", "allow", "prefer", "require", "verify-ca", "verify-full");
    private static final String DEFAULT_ADDRESS = "127.0.0.1:8080";
    private static final String DEFAULT_DATABASE = "postgres";

    private final Map<String, String> env;
    private final ConfigLocations locations;
    private final SafeYamlReader yaml = new SafeYamlReader();

    public ConfigLoader(Map<String, String> env, ConfigLocations locations) {
        this.env = Map.copyOf(Objects.requireNonNull(env, "env"));
        this.locations = Objects.requireNonNull(locations, "locations");
    }

    /**
     * Loads and validates the configuration.
     *
     * @throws ConfigException naming the key, variable or flag at fault and what it expects
     */
    public LoadedConfig load(ConfigOverrides flags, Purpose purpose) {
        Objects.requireNonNull(flags, "flags");
        Objects.requireNonNull(purpose, "purpose");
        List<String> warnings = new ArrayList<>();
        Path configFile = locateConfigFile(flags.configFile());
        Path home = configFile != null ? configFile.getParent() : locations.defaultHome();

        Draft d = new Draft();
        if (configFile != null) {
            applyFile(d, configFile, purpose, warnings);
        }
        applyEnvironment(d, purpose);
        applyFlags(d, flags, purpose);
        if (purpose == Purpose.SERVER) {
            applyDatabaseOverlays(d, flags);
        }
        return new LoadedConfig(build(d, home, configFile, flags, purpose), warnings);
    }

    /**
     * The configuration file to read: {@code explicit} (from {@code -config}; it must exist),
     * else the first {@value #CONFIG_FILE_NAME} in {@link ConfigLocations#searchFolders()}, else
     * {@code null}.
     */
    public Path locateConfigFile(String explicit) {
        if (explicit != null) {
            Path p = path(explicit, locations.workingDir(), "-config");
            if (!Files.isRegularFile(p)) {
                throw new ConfigException("-config: configuration file " + p
                        + (Files.isDirectory(p) ? " is a folder, not a file" : " does not exist"));
            }
            return p;
        }
        for (Path folder : locations.searchFolders()) {
            Path candidate = folder.resolve(CONFIG_FILE_NAME);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    // ---- layer 2: the file ---------------------------------------------------------------

    private void applyFile(Draft d, Path file, Purpose purpose, List<String> warnings) {
        YamlSection root = YamlSection.root(yaml.read(file), file.toString());
        Path dir = file.getParent();

        YamlSection http = root.section("http");
        if (http != null) {
            Boolean enabled = http.bool("enabled");
            if (enabled != null) {
                d.httpEnabled = enabled;
            }
            String address = http.string("address");
            if (address != null) {
                d.address = NetworkSyntax.address(address, http.where("address"));
            }
            List<String> proxies = http.stringList("trusted_proxies");
            if (proxies != null) {
                d.trustedProxies = each(proxies, i -> http.whereItem("trusted_proxies", i, proxies.size()), NetworkSyntax::cidr);
            }
            // The newer reference nests the list under client_ip; accept that spelling too.
            YamlSection clientIp = http.section("client_ip");
            if (clientIp != null) {
                List<String> nested = clientIp.stringList("trusted_proxies");
                if (nested != null && proxies == null) {
                    d.trustedProxies = each(nested, i -> clientIp.whereItem("trusted_proxies", i, nested.size()), NetworkSyntax::cidr);
                }
                clientIp.warnUnread(warnings::add);
            }
            List<String> origins = http.stringList("allowed_origins");
            if (origins != null) {
                d.allowedOrigins = each(origins, i -> http.whereItem("allowed_origins", i, origins.size()), NetworkSyntax::origin);
            }
            YamlSection tls = http.section("tls");
            if (tls != null) {
                Boolean on = tls.bool("enabled");
                if (on != null) {
                    d.tlsEnabled = on;
                }
                d.certFile = filePath(tls, "cert_file", dir, d.certFile);
                d.keyFile = filePath(tls, "key_file", dir, d.keyFile);
                String chain = tls.string("chain_file");
                if (chain != null) {
                    d.chainFile = path(chain, dir, tls.where("chain_file"));
                }
                tls.warnUnread(warnings::add);
            }
            YamlSection auth = http.section("auth");
            if (auth != null) {
                Boolean on = auth.bool("enabled");
                if (on != null) {
                    d.authEnabled = on;
                }
                d.tokenFile = filePath(auth, "token_file", dir, d.tokenFile);
                d.userFile = filePath(auth, "user_file", dir, d.userFile);
                d.auditFile = filePath(auth, "audit_file", dir, d.auditFile);
                Integer lockout = auth.integer("max_failed_attempts_before_lockout", 0, Integer.MAX_VALUE);
                if (lockout != null) {
                    d.lockout = lockout;
                }
                Integer window = auth.integer("rate_limit_window_minutes", 1, Integer.MAX_VALUE);
                if (window != null) {
                    d.windowMinutes = window;
                }
                Integer attempts = auth.integer("rate_limit_max_attempts", 1, Integer.MAX_VALUE);
                if (attempts != null) {
                    d.maxAttempts = attempts;
                }
                auth.warnUnread(warnings::add);
            }
            http.warnUnread(warnings::add);
        }

        if (purpose == Purpose.SERVER) {
            for (YamlSection db : root.sectionList("databases")) {
                d.databases.add(databaseFromFile(db, warnings));
            }
        } else {
            root.ignore("databases");
        }
        root.warnUnread(warnings::add);
    }

    private static DbDraft databaseFromFile(YamlSection s, List<String> warnings) {
        DbDraft db = new DbDraft();
        db.name = s.string("name");
        if (db.name == null || db.name.isBlank()) {
            throw new ConfigException(s.where("name") + ": every database needs a name");
        }
        db.name = db.name.trim();
        db.where = s.keyPath("name").replace(".name", "");
        db.host = s.string("host");
        db.port = s.integer("port", 1, 65535);
        db.database = s.string("database");
        db.user = s.string("user");
        db.password = s.secret("password");
        String sslmode = s.string("sslmode");
        if (sslmode != null) {
            db.sslmode = sslMode(sslmode, s.where("sslmode"));
        }
        db.poolMax = s.integer("pool_max_conns", 1, 10_000);
        db.poolMin = s.integer("pool_min_conns", 0, 10_000);
        String idle = s.string("pool_max_conn_idle_time");
        if (idle != null) {
            db.idle = GoDuration.parse(idle, s.where("pool_max_conn_idle_time"));
        }
        s.warnUnread(warnings::add);
        return db;
    }

    // ---- layer 3: the environment ---------------------------------------------------------

    private void applyEnvironment(Draft d, Purpose purpose) {
        Path cwd = locations.workingDir();
        Boolean b;
        String s;
        if ((b = envBool("PGEDGE_HTTP_ENABLED")) != null) {
            d.httpEnabled = b;
        }
        if ((s = env("PGEDGE_HTTP_ADDRESS")) != null) {
            d.address = NetworkSyntax.address(s, "PGEDGE_HTTP_ADDRESS");
        }
        for (String name : List.of("PGEDGE_HTTP_CLIENT_IP_TRUSTED_PROXIES", "PGEDGE_HTTP_TRUSTED_PROXIES")) {
            if ((s = env(name)) != null) {
                d.trustedProxies = each(commaList(s), i -> name, NetworkSyntax::cidr);
            }
        }
        if ((s = env("PGEDGE_HTTP_ALLOWED_ORIGINS")) != null) {
            d.allowedOrigins = each(commaList(s), i -> "PGEDGE_HTTP_ALLOWED_ORIGINS", NetworkSyntax::origin);
        }
        if ((b = envBool("PGEDGE_TLS_ENABLED")) != null) {
            d.tlsEnabled = b;
        }
        d.certFile = envPath("PGEDGE_TLS_CERT_FILE", cwd, d.certFile);
        d.keyFile = envPath("PGEDGE_TLS_KEY_FILE", cwd, d.keyFile);
        d.chainFile = envPath("PGEDGE_TLS_CHAIN_FILE", cwd, d.chainFile);
        if ((b = envBool("PGEDGE_AUTH_ENABLED")) != null) {
            d.authEnabled = b;
        }
        d.tokenFile = envPath("PGEDGE_AUTH_TOKEN_FILE", cwd, d.tokenFile);
        d.userFile = envPath("PGEDGE_AUTH_USER_FILE", cwd, d.userFile);
        d.auditFile = envPath("PGEDGE_AUTH_AUDIT_FILE", cwd, d.auditFile);
        d.lockout = envInt("PGEDGE_AUTH_MAX_FAILED_ATTEMPTS_BEFORE_LOCKOUT", 0, d.lockout);
        d.windowMinutes = envInt("PGEDGE_AUTH_RATE_LIMIT_WINDOW_MINUTES", 1, d.windowMinutes);
        d.maxAttempts = envInt("PGEDGE_AUTH_RATE_LIMIT_MAX_ATTEMPTS", 1, d.maxAttempts);
    }

    // ---- layer 4: the flags ---------------------------------------------------------------

    private void applyFlags(Draft d, ConfigOverrides f, Purpose purpose) {
        Path cwd = locations.workingDir();
        if (f.httpEnabled() != null) {
            d.httpEnabled = f.httpEnabled();
        }
        if (f.address() != null) {
            d.address = NetworkSyntax.address(f.address(), "-addr");
        }
        if (f.tlsEnabled() != null) {
            d.tlsEnabled = f.tlsEnabled();
        }
        if (f.certFile() != null) {
            d.certFile = path(f.certFile(), cwd, "-cert");
        }
        if (f.keyFile() != null) {
            d.keyFile = path(f.keyFile(), cwd, "-key");
        }
        if (f.chainFile() != null) {
            d.chainFile = f.chainFile().isEmpty() ? null : path(f.chainFile(), cwd, "-chain");
        }
        if (f.noAuth() != null) {
            d.authEnabled = !f.noAuth();
        }
        if (f.tokenFile() != null) {
            d.tokenFile = path(f.tokenFile(), cwd, "-token-file");
        }
        if (f.userFile() != null) {
            d.userFile = path(f.userFile(), cwd, "-user-file");
        }
    }

    /**
     * {@code PGEDGE_DB_*} and {@code -db-*} apply to the first database, creating one named
     * {@code default} when the file lists none; libpq's variables then fill what is still unset.
     */
    private void applyDatabaseOverlays(Draft d, ConfigOverrides f) {
        boolean anyEnv = false;
        for (String n : List.of("PGEDGE_DB_HOST", "PGEDGE_DB_PORT", "PGEDGE_DB_NAME", "PGEDGE_DB_USER",
                "PGEDGE_DB_PASSWORD", "PGEDGE_DB_SSLMODE", "PGHOST", "PGDATABASE", "PGUSER")) {
            anyEnv |= env(n) != null;
        }
        if (d.databases.isEmpty()) {
            if (!anyEnv && !f.anyDatabaseFlag()) {
                return;
            }
            DbDraft created = new DbDraft();
            created.name = "default";
            created.where = "the default database";
            d.databases.add(created);
        }
        DbDraft first = d.databases.get(0);
        String s;
        if ((s = env("PGEDGE_DB_HOST")) != null) {
            first.host = s;
        }
        if ((s = env("PGEDGE_DB_PORT")) != null) {
            first.port = Numbers.parseInt(s, 1, 65535, "PGEDGE_DB_PORT");
        }
        if ((s = env("PGEDGE_DB_NAME")) != null) {
            first.database = s;
        }
        if ((s = env("PGEDGE_DB_USER")) != null) {
            first.user = s;
        }
        if ((s = env("PGEDGE_DB_PASSWORD")) != null) {
            first.password = s;
        }
        if ((s = env("PGEDGE_DB_SSLMODE")) != null) {
            first.sslmode = sslMode(s, "PGEDGE_DB_SSLMODE");
        }

        if (f.dbHost() != null) {
            first.host = nonEmpty(f.dbHost(), "-db-host", "a host name");
        }
        if (f.dbPort() != null) {
            if (f.dbPort() < 1 || f.dbPort() > 65535) {
                throw new ConfigException("-db-port: expected a whole number from 1 to 65535, got " + f.dbPort());
            }
            first.port = f.dbPort();
        }
        if (f.dbName() != null) {
            first.database = nonEmpty(f.dbName(), "-db-name", "a database name");
        }
        if (f.dbUser() != null) {
            first.user = nonEmpty(f.dbUser(), "-db-user", "a user name");
        }
        if (f.dbPassword() != null) {
            first.password = f.dbPassword();
        }
        if (f.dbSslmode() != null) {
            first.sslmode = sslMode(f.dbSslmode(), "-db-sslmode");
        }

        // libpq fallbacks: only what the file, PGEDGE_DB_* and the flags left unset.
        if (first.host == null && (s = env("PGHOST")) != null) {
            first.host = s;
        }
        if (first.port == null && (s = env("PGPORT")) != null) {
            first.port = Numbers.parseInt(s, 1, 65535, "PGPORT");
        }
        if (first.database == null && (s = env("PGDATABASE")) != null) {
            first.database = s;
        }
        if (first.user == null && (s = env("PGUSER")) != null) {
            first.user = s;
        }
        if ((first.password == null || first.password.isEmpty()) && (s = env("PGPASSWORD")) != null) {
            first.password = s;
        }
        if (first.sslmode == null && (s = env("PGSSLMODE")) != null) {
            first.sslmode = sslMode(s, "PGSSLMODE");
        }
    }

    // ---- result ---------------------------------------------------------------------------

    private ServerConfig build(Draft d, Path home, Path configFile, ConfigOverrides f, Purpose purpose) {
        Path cert = d.certFile != null ? d.certFile : home.resolve("server.crt");
        Path key = d.keyFile != null ? d.keyFile : home.resolve("server.key");
        ServerConfig.TlsConfig tls = new ServerConfig.TlsConfig(d.tlsEnabled, cert, key, d.chainFile);
        ServerConfig.AuthConfig auth = new ServerConfig.AuthConfig(d.authEnabled,
                d.tokenFile != null ? d.tokenFile : home.resolve(AuthSettings.DEFAULT_TOKEN_FILE),
                d.userFile != null ? d.userFile : home.resolve(AuthSettings.DEFAULT_USER_FILE),
                d.auditFile, d.lockout, d.windowMinutes, d.maxAttempts);
        ServerConfig.HttpConfig http = new ServerConfig.HttpConfig(d.httpEnabled,
                d.address != null ? d.address : DEFAULT_ADDRESS, d.trustedProxies, d.allowedOrigins, tls, auth);

        List<DatabaseConfig> databases = new ArrayList<>();
        if (purpose == Purpose.SERVER) {
            validateServer(d, tls);
            Set<String> names = new HashSet<>();
            for (DbDraft db : d.databases) {
                if (!names.add(db.name)) {
                    throw new ConfigException("databases: the name '" + db.name + "' is used twice; names must be unique");
                }
                if (db.user == null || db.user.isBlank()) {
                    throw new ConfigException("database '" + db.name + "' has no user: set user in " + db.where
                            + " of the configuration file, -db-user, PGEDGE_DB_USER or PGUSER");
                }
                int max = db.poolMax == null ? 4 : db.poolMax;
                if (db.poolMin != null && db.poolMin > max) {
                    throw new ConfigException("database '" + db.name + "': pool_min_conns (" + db.poolMin
                            + ") is larger than pool_max_conns (" + max + ")");
                }
                databases.add(new DatabaseConfig(db.name, db.host, db.port == null ? 0 : db.port,
                        db.database != null ? db.database : DEFAULT_DATABASE, db.user, db.password, db.sslmode,
                        db.poolMax == null ? 0 : db.poolMax, db.poolMin == null ? 0 : db.poolMin, db.idle));
            }
        }
        return new ServerConfig(configFile, http, databases, f.debug(), f.dev());
    }

    private static void validateServer(Draft d, ServerConfig.TlsConfig tls) {
        if (!tls.enabled()) {
            return;
        }
        if (!d.httpEnabled) {
            throw new ConfigException("TLS needs HTTP mode: add -http (or set http.enabled: true), or turn TLS off");
        }
        requireReadable(tls.certFile(), "TLS certificate file", "-cert, http.tls.cert_file or PGEDGE_TLS_CERT_FILE");
        requireReadable(tls.keyFile(), "TLS key file", "-key, http.tls.key_file or PGEDGE_TLS_KEY_FILE");
        if (tls.chainFile() != null) {
            requireReadable(tls.chainFile(), "TLS chain file", "-chain, http.tls.chain_file or PGEDGE_TLS_CHAIN_FILE");
        }
    }

    private static void requireReadable(Path file, String what, String setBy) {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new ConfigException(what + " " + file + " does not exist or cannot be read (set it with "
                    + setBy + ")");
        }
    }

    // ---- small readers --------------------------------------------------------------------

    private String env(String name) {
        String v = env.get(name);
        return v == null || v.isEmpty() ? null : v;
    }

    private Boolean envBool(String name) {
        String v = env(name);
        return v == null ? null : StrictBoolean.parse(v, name);
    }

    private int envInt(String name, int min, int current) {
        String v = env(name);
        return v == null ? current : Numbers.parseInt(v, min, Integer.MAX_VALUE, name);
    }

    private Path envPath(String name, Path base, Path current) {
        String v = env(name);
        return v == null ? current : path(v, base, name);
    }

    private static Path filePath(YamlSection s, String key, Path dir, Path current) {
        String v = s.string(key);
        return v == null ? current : path(v, dir, s.where(key));
    }

    /** Resolves {@code raw} against {@code base}, expanding a leading {@code ~} to the home folder. */
    static Path path(String raw, Path base, String source) {
        String v = raw.trim();
        if (v.isEmpty()) {
            throw new ConfigException(source + ": expected a file path, got an empty value");
        }
        try {
            if (v.equals("~") || v.startsWith("~/") || v.startsWith("~\\")) {
                v = System.getProperty("user.home") + v.substring(1);
            }
            return base.resolve(Path.of(v)).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new ConfigException(source + ": " + Shown.value(raw) + " is not a valid file path");
        }
    }

    private static String sslMode(String value, String source) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (!SSL_MODES.contains(v)) {
            throw new ConfigException(source + ": expected one of disable, allow, prefer, require, verify-ca, "
                    + "verify-full, got " + Shown.value(value));
        }
        return v;
    }

    private static String nonEmpty(String value, String source, String what) {
        if (value.isBlank()) {
            throw new ConfigException(source + ": expected " + what + ", got an empty value");
        }
        return value.trim();
    }

    private static List<String> commaList(String value) {
        List<String> out = new ArrayList<>();
        for (String part : value.split(",")) {
            if (!part.isBlank()) {
                out.add(part.trim());
            }
        }
        return out;
    }

    private static List<String> each(List<String> values, IntFunction<String> source,
                                     BiFunction<String, String, String> check) {
        List<String> out = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            out.add(check.apply(values.get(i), source.apply(i)));
        }
        return out;
    }

    /** Mutable working state while the layers are applied; {@code null} means "not set". */
    private static final class Draft {
        boolean httpEnabled;
        String address;
        List<String> trustedProxies = List.of();
        List<String> allowedOrigins = List.of();
        boolean tlsEnabled;
        Path certFile;
        Path keyFile;
        Path chainFile;
        // Auth stays on unless something turns it off: a file without an auth section keeps it on
        // (deviation: the reference turns it off).
        boolean authEnabled = true;
        Path tokenFile;
        Path userFile;
        Path auditFile;
        int lockout;
        int windowMinutes = 15;
        int maxAttempts = 10;
        final List<DbDraft> databases = new ArrayList<>();
    }

    private static final class DbDraft {
        String name;
        String where;
        String host;
        Integer port;
        String database;
        String user;
        String password;
        String sslmode;
        Integer poolMax;
        Integer poolMin;
        Duration idle;
    }
}
