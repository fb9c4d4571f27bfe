package com.pgedge.mcp.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pgedge.mcp.auth.AuthSettings;
import com.pgedge.mcp.config.ConfigLoader.Purpose;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConfigLoaderTest {

    @TempDir
    Path tmp;
    Path cwd;
    Path launcher;
    Map<String, String> env;

    @BeforeEach
    void setUp() throws IOException {
        cwd = Files.createDirectories(tmp.resolve("cwd"));
        launcher = Files.createDirectories(tmp.resolve("launcher"));
        env = new HashMap<>();
    }

    private ConfigLoader loader() {
        return new ConfigLoader(env, new ConfigLocations(cwd, launcher, null));
    }

    private ServerConfig load(ConfigOverrides flags) {
        return loader().load(flags, Purpose.SERVER).config();
    }

    private ServerConfig load() {
        return load(ConfigOverrides.none());
    }

    private Path write(Path file, String yaml) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, yaml);
    }

    private static ConfigOverrides.Builder flags() {
        return ConfigOverrides.builder();
    }

    // ---- defaults -----------------------------------------------------------------------

    @Test
    void defaultsWithoutAnyFile() {
        ServerConfig c = load();
        assertThat(c.configFile()).isNull();
        assertThat(c.http().enabled()).isFalse();
        assertThat(c.http().address()).isEqualTo("127.0.0.1:8080");
        assertThat(c.http().trustedProxies()).isEmpty();
        assertThat(c.http().allowedOrigins()).isEmpty();
        assertThat(c.http().tls().enabled()).isFalse();
        assertThat(c.http().tls().certFile()).isEqualTo(launcher.resolve("server.crt"));
        assertThat(c.http().tls().chainFile()).isNull();
        assertThat(c.http().auth().enabled()).isTrue();
        assertThat(c.http().auth().tokenFile()).isEqualTo(launcher.resolve("pgedge-postgres-mcp-tokens.yaml"));
        assertThat(c.http().auth().userFile()).isEqualTo(launcher.resolve("pgedge-postgres-mcp-users.yaml"));
        assertThat(c.http().auth().auditFile()).isNull();
        assertThat(c.http().auth().maxFailedAttemptsBeforeLockout()).isZero();
        assertThat(c.http().auth().rateLimitWindowMinutes()).isEqualTo(15);
        assertThat(c.http().auth().rateLimitMaxAttempts()).isEqualTo(10);
        assertThat(c.databases()).isEmpty();
        assertThat(c.debug()).isFalse();
        assertThat(c.dev()).isFalse();
    }

    @Test
    void withoutLauncherFolderDefaultsGoToTheCurrentFolder() {
        ServerConfig c = new ConfigLoader(env, new ConfigLocations(cwd, null, null))
                .load(ConfigOverrides.none(), Purpose.ADMIN).config();
        assertThat(c.http().auth().tokenFile()).isEqualTo(cwd.resolve("pgedge-postgres-mcp-tokens.yaml"));
    }

    @Test
    void debugAndDevComeFromFlags() {
        ServerConfig c = load(flags().debug(true).dev(true).build());
        assertThat(c.debug()).isTrue();
        assertThat(c.dev()).isTrue();
    }

    // ---- finding the file ---------------------------------------------------------------

    @Test
    void configFileBesideTheLauncherWinsOverTheCurrentFolder() throws IOException {
        write(launcher.resolve("pgedge-postgres-mcp.yaml"), "http:\n  address: ':1111'\n");
        write(cwd.resolve("pgedge-postgres-mcp.yaml"), "http:\n  address: ':2222'\n");
        ServerConfig c = load();
        assertThat(c.configFile()).isEqualTo(launcher.resolve("pgedge-postgres-mcp.yaml"));
        assertThat(c.http().address()).isEqualTo(":1111");
    }

    @Test
    void configFileInTheCurrentFolderIsFound() throws IOException {
        write(cwd.resolve("pgedge-postgres-mcp.yaml"), "http:\n  address: ':2222'\n");
        assertThat(load().http().address()).isEqualTo(":2222");
    }

    @Test
    void systemFolderIsSearchedLast() throws IOException {
        Path etc = Files.createDirectories(tmp.resolve("etc"));
        write(etc.resolve("pgedge-postgres-mcp.yaml"), "http:\n  address: ':3333'\n");
        ConfigLoader l = new ConfigLoader(env, new ConfigLocations(cwd, launcher, etc));
        assertThat(l.load(ConfigOverrides.none(), Purpose.SERVER).config().http().address()).isEqualTo(":3333");
        write(cwd.resolve("pgedge-postgres-mcp.yaml"), "http:\n  address: ':2222'\n");
        assertThat(l.load(ConfigOverrides.none(), Purpose.SERVER).config().http().address()).isEqualTo(":2222");
    }

    @Test
    void explicitConfigFlagWinsAndIsRelativeToTheCurrentFolder() throws IOException {
        write(launcher.resolve("pgedge-postgres-mcp.yaml"), "http:\n  address: ':1111'\n");
        write(cwd.resolve("conf/mine.yaml"), "http:\n  address: ':4444'\n");
        ServerConfig c = load(flags().configFile("conf/mine.yaml").build());
        assertThat(c.configFile()).isEqualTo(cwd.resolve("conf/mine.yaml"));
        assertThat(c.http().address()).isEqualTo(":4444");
    }

    @Test
    void explicitConfigThatDoesNotExistIsAnError() {
        assertThatThrownBy(() -> load(flags().configFile("nope.yaml").build()))
                .isInstanceOf(ConfigException.class)
                .hasMessage("-config: configuration file " + cwd.resolve("nope.yaml") + " does not exist");
    }

    @Test
    void explicitConfigThatIsAFolderIsAnError() {
        assertThatThrownBy(() -> load(flags().configFile(".").build()))
                .hasMessageContaining("is a folder, not a file");
    }

    // ---- precedence ---------------------------------------------------------------------

    @Test
    void flagsBeatEnvironmentBeatFileBeatDefaults() throws IOException {
        write(cwd.resolve("pgedge-postgres-mcp.yaml"), """
                http:
                  enabled: false
                  address: "10.0.0.1:1000"
                  auth:
                    enabled: true
                    token_file: from-file-tokens.yaml
                    user_file: from-file-users.yaml
                    rate_limit_window_minutes: 20
                    rate_limit_max_attempts: 20
                    max_failed_attempts_before_lockout: 2
                """);
        ServerConfig fileOnly = load();
        assertThat(fileOnly.http().address()).isEqualTo("10.0.0.1:1000");
        assertThat(fileOnly.http().auth().tokenFile()).isEqualTo(cwd.resolve("from-file-tokens.yaml"));
        assertThat(fileOnly.http().auth().rateLimitWindowMinutes()).isEqualTo(20);
        assertThat(fileOnly.http().auth().maxFailedAttemptsBeforeLockout()).isEqualTo(2);

        env.put("PGEDGE_HTTP_ENABLED", "true");
        env.put("PGEDGE_HTTP_ADDRESS", "10.0.0.2:2000");
        env.put("PGEDGE_AUTH_TOKEN_FILE", "/env/tokens.yaml");
        env.put("PGEDGE_AUTH_USER_FILE", "/env/users.yaml");
        env.put("PGEDGE_AUTH_RATE_LIMIT_WINDOW_MINUTES", "30");
        env.put("PGEDGE_AUTH_RATE_LIMIT_MAX_ATTEMPTS", "30");
        env.put("PGEDGE_AUTH_MAX_FAILED_ATTEMPTS_BEFORE_LOCKOUT", "3");
        env.put("PGEDGE_AUTH_ENABLED", "no");
        ServerConfig withEnv = load();
        assertThat(withEnv.http().enabled()).isTrue();
        assertThat(withEnv.http().address()).isEqualTo("10.0.0.2:2000");
        assertThat(withEnv.http().auth().enabled()).isFalse();
        assertThat(withEnv.http().auth().tokenFile()).isEqualTo(Path.of("/env/tokens.yaml"));
        assertThat(withEnv.http().auth().userFile()).isEqualTo(Path.of("/env/users.yaml"));
        assertThat(withEnv.http().auth().rateLimitWindowMinutes()).isEqualTo(30);
        assertThat(withEnv.http().auth().rateLimitMaxAttempts()).isEqualTo(30);
        assertThat(withEnv.http().auth().maxFailedAttemptsBeforeLockout()).isEqualTo(3);

        ServerConfig withFlags = load(flags().httpEnabled(false).address(":3000").tokenFile("/flag/t.yaml")
                .userFile("/flag/u.yaml").noAuth(false).build());
        assertThat(withFlags.http().enabled()).isFalse();
        assertThat(withFlags.http().address()).isEqualTo(":3000");
        assertThat(withFlags.http().auth().enabled()).isTrue();
        assertThat(withFlags.http().auth().tokenFile()).isEqualTo(Path.of("/flag/t.yaml"));
        assertThat(withFlags.http().auth().userFile()).isEqualTo(Path.of("/flag/u.yaml"));
        // Settings that have no flag keep the environment's value.
        assertThat(withFlags.http().auth().rateLimitWindowMinutes()).isEqualTo(30);
    }

    @Test
    void noAuthFlagTurnsAuthOffWhateverTheFileSays() throws IOException {
        write(cwd.resolve("pgedge-postgres-mcp.yaml"), "http:\n  auth:\n    enabled: true\n");
        env.put("PGEDGE_AUTH_ENABLED", "true");
        assertThat(load(flags().noAuth(true).build()).http().auth().enabled()).isFalse();
    }

    @Test
    void emptyEnvironmentVariablesCountAsUnset() throws IOException {
        write(cwd.resolve("pgedge-postgres-mcp.yaml"), "http:\n  address: ':1234'\n");
        env.put("PGEDGE_HTTP_ADDRESS", "");
        env.put("PGEDGE_AUTH_ENABLED", "");
        ServerConfig c = load();
        assertThat(c.http().address()).isEqualTo(":1234");
        assertThat(c.http().auth().enabled()).isTrue();
    }

    @Test
    void tlsSettingsFromEachLayer() throws IOException {
        write(cwd.resolve("conf/pgedge-postgres-mcp.yaml"), """
                http:
                  enabled: true
                  tls:
                    enabled: true
                    cert_file: ./certs/server.crt
                    key_file: ./certs/server.key
                    chain_file: ""
                """);
        write(cwd.resolve("conf/certs/server.crt"), "c");
        write(cwd.resolve("conf/certs/server.key"), "k");
        write(cwd.resolve("chain.pem"), "x");
        ServerConfig c = load(flags().configFile("conf/pgedge-postgres-mcp.yaml").build());
        assertThat(c.http().tls().enabled()).isTrue();
        assertThat(c.http().tls().certFile()).isEqualTo(cwd.resolve("conf/certs/server.crt"));
        assertThat(c.http().tls().keyFile()).isEqualTo(cwd.resolve("conf/certs/server.key"));
        assertThat(c.http().tls().chainFile()).isNull();

        env.put("PGEDGE_TLS_CHAIN_FILE", "chain.pem");
        assertThat(load(flags().configFile("conf/pgedge-postgres-mcp.yaml").build()).http().tls().chainFile())
                .isEqualTo(cwd.resolve("chain.pem"));
        ServerConfig flagged = load(flags().configFile("conf/pgedge-postgres-mcp.yaml").chainFile("").build());
        assertThat(flagged.http().tls().chainFile()).isNull();
    }

    @Test
    void tlsWithoutHttpIsAnError() throws IOException {
        write(cwd.resolve("server.crt"), "c");
        write(cwd.resolve("server.key"), "k");
        assertThatThrownBy(() -> load(flags().tlsEnabled(true).certFile("server.crt").keyFile("server.key").build()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("TLS needs HTTP mode");
    }

    @Test
    void missingTlsCertificateIsAnErrorNamingTheFile() {
        assertThatThrownBy(() -> load(flags().httpEnabled(true).tlsEnabled(true).certFile("missing.crt").build()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("TLS certificate file " + cwd.resolve("missing.crt"))
                .hasMessageContaining("-cert");
    }

    @Test
    void adminPurposeDoesNotCheckTlsFiles() {
        ServerConfig c = loader().load(flags().httpEnabled(true).tlsEnabled(true).certFile("missing.crt").build(),
                Purpose.ADMIN).config();
        assertThat(c.http().tls().enabled()).isTrue();
    }

    @Test
    void listsFromFileAndEnvironment() throws IOException {
        write(cwd.resolve("pgedge-postgres-mcp.yaml"), """
                http:
                  trusted_proxies: [10.0.0.0/8, "192.168.1.1"]
                  allowed_origins:
                    - https://app.example.com
                    - http://localhost:3000
                """);
        ServerConfig c = load();
        assertThat(c.http().trustedProxies()).containsExactly("10.0.0.0/8", "192.168.1.1");
        assertThat(c.http().allowedOrigins()).containsExactly("https://app.example.com", "http://localhost:3000");

        env.put("PGEDGE_HTTP_TRUSTED_PROXIES", "fd00::/8, 127.0.0.1,");
        env.put("PGEDGE_HTTP_ALLOWED_ORIGINS", "https://other.example.com");
        c = load();
        assertThat(c.http().trustedProxies()).containsExactly("fd00::/8", "127.0.0.1");
        assertThat(c.http().allowedOrigins()).containsExactly("https://other.example.com");
    }

    @Test
    void newerReferenceClientIpSectionIsAccepted() throws IOException {
        write(cwd.resolve("pgedge-postgres-mcp.yaml"), """
                http:
                  client_ip:
                    source: header
                    trusted_proxies: [10.1.0.0/16]
                """);
        LoadedConfig l = loader().load(ConfigOverrides.none(), Purpose.SERVER);
        assertThat(l.config().http().trustedProxies()).containsExactly("10.1.0.0/16");
        assertThat(l.warnings()).singleElement().asString().contains("http.client_ip.source");
    }

    // ---- booleans -----------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"true", "TRUE", "True", "1", "yes", "YES", "Yes", " yes "})
    void trueSpellingsInTheEnvironment(String spelling) {
        env.put("PGEDGE_HTTP_ENABLED", spelling);
        env.put("PGEDGE_AUTH_ENABLED", spelling);
        env.put("PGEDGE_TLS_ENABLED", spelling);
        ServerConfig c = loader().load(ConfigOverrides.none(), Purpose.ADMIN).config();
        assertThat(c.http().enabled()).isTrue();
        assertThat(c.http().auth().enabled()).isTrue();
        assertThat(c.http().tls().enabled()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"false", "FALSE", "False", "0", "no", "NO", "No"})
    void falseSpellingsInTheEnvironment(String spelling) {
        env.put("PGEDGE_HTTP_ENABLED", spelling);
        env.put("PGEDGE_AUTH_ENABLED", spelling);
        ServerConfig c = load();
        assertThat(c.http().enabled()).isFalse();
        assertThat(c.http().auth().enabled()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"maybe", "on", "off", "enabled", "2", "tru", "y", "n"})
    void anyOtherSpellingIsAnErrorNamingTheVariable(String spelling) {
        env.put("PGEDGE_AUTH_ENABLED", spelling);
        assertThatThrownBy(this::load)
                .isInstanceOf(ConfigException.class)
                .hasMessage("PGEDGE_AUTH_ENABLED: expected true/false, yes/no or 1/0, got '" + spelling + "'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"true", "yes", "'Yes'", "1", "'1'", "TRUE"})
    void trueSpellingsInTheFile(String spelling) throws IOException {
        write(cwd.resolve("pgedge-postgres-mcp.yaml"), "http:\n  enabled: " + spelling + "\n");
        assertThat(load().http().enabled()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"false", "no", "'No'", "0", "'0'", "FALSE"})
    void falseSpellingsInTheFile(String spelling) throws IOException {
        write(cwd.resolve("pgedge-postgres-mcp.yaml"), "http:\n  auth:\n    enabled: " + spelling + "\n");
        assertThat(load().http().auth().enabled()).isFalse();
    }

    @Test
    void badBooleanInTheFileNamesKeyAndFile() throws IOException {
        Path f = write(cwd.resolve("pgedge-postgres-mcp.yaml"), "http:\n  auth:\n    enabled: maybe\n");
        assertThatThrownBy(this::load)
                .isInstanceOf(ConfigException.class)
                .hasMessage("http.auth.enabled in " + f + ": expected true/false, yes/no or 1/0, got 'maybe'");
    }

    // ---- auth section -------------------------------------------------------------------

    @Test
    void fileWithoutAuthSectionKeepsAuthOn() throws IOException {
        write(cwd.resolve("pgedge-postgres-mcp.yaml"), "http:\n  enabled: true\n  address: ':8080'\n");
        ServerConfig c = load();
        assertThat(c.http().enabled()).isTrue();
        assertThat(c.http().auth().enabled()).isTrue();
    }

    @Test
    void fileWithEmptyAuthSectionKeepsAuthOn() throws IOException {
        write(cwd.resolve("pgedge-postgres-mcp.yaml"), "http:\n  enabled: true\n  auth:\n");
        assertThat(load().http().auth().enabled()).isTrue();
    }

    @Test
    void authCanBeTurnedOffExplicitly() throws IOException {
        write(cwd.resolve("pgedge-postgres-mcp.yaml"), "http:\n  auth:\n    enabled: false\n");
        assertThat(load().http().auth().enabled()).isFalse();
    }

    @Test
    void auditFileIsOptionalAndResolvedLikeTheOthers() throws IOException {
        write(cwd.resolve("etc/pgedge-postgres-mcp.yaml"), "http:\n  auth:\n    audit_file: logs/audit.jsonl\n");
        ServerConfig c = load(flags().configFile("etc/pgedge-postgres-mcp.yaml").build());
        assertThat(c.http().auth().auditFile()).isEqualTo(cwd.resolve("etc/logs/audit.jsonl"));
        env.put("PGEDGE_AUTH_AUDIT_FILE", "a.jsonl");
        assertThat(load(flags().configFile("etc/pgedge-postgres-mcp.yaml").build()).http().auth().auditFile())
                .isEqualTo(cwd.resolve("a.jsonl"));
    }

    @Test
    void authSettingsCarryTheFilesAndLimits() throws IOException {
        write(cwd.resolve("pgedge-postgres-mcp.yaml"), """
                http:
                  auth:
                    token_file: t.yaml
                    user_file: u.yaml
                    max_failed_attempts_before_lockout: 5
                    rate_limit_window_minutes: 7
                    rate_limit_max_attempts: 3
                """);
        AuthSettings s = load().http().auth().toAuthSettings();
        assertThat(s.tokenFile()).isEqualTo(cwd.resolve("t.yaml"));
        assertThat(s.userFile()).isEqualTo(cwd.resolve("u.yaml"));
        assertThat(s.maxFailedAttemptsBeforeLockout()).isEqualTo(5);
        assertThat(s.rateLimitWindow()).isEqualTo(Duration.ofMinutes(7));
        assertThat(s.rateLimitMaxAttempts()).isEqualTo(3);
        assertThat(s.effectiveAuditFile()).isEqualTo(cwd.resolve("pgedge-postgres-mcp-audit.jsonl"));
    }

    // ---- relative paths -----------------------------------------------------------------

    @Test
    void relativePathsInTheFileResolveAgainstTheFilesFolder() throws IOException {
        Path conf = write(tmp.resolve("srv/conf/pgedge-postgres-mcp.yaml"), """
                http:
                  auth:
                    token_file: ./pgedge-postgres-mcp-tokens.yaml
                    user_file: ../secrets/users.yaml
                """);
        ServerConfig c = load(flags().configFile(conf.toString()).build());
        assertThat(c.http().auth().tokenFile()).isEqualTo(tmp.resolve("srv/conf/pgedge-postgres-mcp-tokens.yaml"));
        assertThat(c.http().auth().userFile()).isEqualTo(tmp.resolve("srv/secrets/users.yaml"));
    }

    @Test
    void defaultCredentialFilesSitBesideTheConfigFile() throws IOException {
        Path conf = write(tmp.resolve("srv/pgedge-postgres-mcp.yaml"), "http:\n  enabled: true\n");
        ServerConfig c = load(flags().configFile(conf.toString()).build());
        assertThat(c.http().auth().tokenFile()).isEqualTo(tmp.resolve("srv/pgedge-postgres-mcp-tokens.yaml"));
        assertThat(c.http().auth().userFile()).isEqualTo(tmp.resolve("srv/pgedge-postgres-mcp-users.yaml"));
    }

    @Test
    void relativePathsFromEnvironmentAndFlagsResolveAgainstTheCurrentFolder() throws IOException {
        write(tmp.resolve("srv/pgedge-postgres-mcp.yaml"), "http:\n  auth:\n    token_file: t.yaml\n");
        env.put("PGEDGE_AUTH_TOKEN_FILE", "env/t.yaml");
        ServerConfig c = load(flags().configFile(tmp.resolve("srv/pgedge-postgres-mcp.yaml").toString())
                .userFile("flag/u.yaml").build());
        assertThat(c.http().auth().tokenFile()).isEqualTo(cwd.resolve("env/t.yaml"));
        assertThat(c.http().auth().userFile()).isEqualTo(cwd.resolve("flag/u.yaml"));
    }

    @Test
    void tildeMeansTheHomeFolder() {
        ServerConfig c = load(flags().tokenFile("~/t.yaml").build());
        assertThat(c.http().auth().tokenFile()).isEqualTo(Path.of(System.getProperty("user.home"), "t.yaml"));
    }

    @Test
    void emptyPathFlagIsAnError() {
        assertThatThrownBy(() -> load(flags().tokenFile("  ").build()))
                .hasMessage("-token-file: expected a file path, got an empty value");
    }

    // ---- databases ----------------------------------------------------------------------

    @Test
    void databasesFromTheFile() throws IOException {
        write(cwd.resolve("pgedge-postgres-mcp.yaml"), """
                databases:
                  - {name: mydb, host: db.example.com, port: 6543, database: app, user: mcp_ro,
                     password: "s3cret", sslmode: verify-full, pool_max_conns: 8, pool_min_conns: 1,
                     pool_max_conn_idle_time: 1h30m}
                  - name: other
                    user: reader
                """);
        List<DatabaseConfig> dbs = load().databases();
        assertThat(dbs).hasSize(2);
        DatabaseConfig a = dbs.get(0);
        assertThat(a.name()).isEqualTo("mydb");
        assertThat(a.host()).isEqualTo("db.example.com");
        assertThat(a.port()).isEqualTo(6543);
        assertThat(a.database()).isEqualTo("app");
        assertThat(a.user()).isEqualTo("mcp_ro");
        assertThat(a.password()).isEqualTo("s3cret");
        assertThat(a.sslmode()).isEqualTo("verify-full");
        assertThat(a.poolMaxConns()).isEqualTo(8);
        assertThat(a.poolMinConns()).isEqualTo(1);
        assertThat(a.poolMaxConnIdleTime()).isEqualTo(Duration.ofMinutes(90));
        assertThat(a.toString()).doesNotContain("s3cret");
        DatabaseConfig b = dbs.get(1);
        assertThat(b.host()).isEqualTo("localhost");
        assertThat(b.port()).isEqualTo(5432);
        assertThat(b.database()).isEqualTo("postgres");
        assertThat(b.sslmode()).isEqualTo("prefer");
        assertThat(b.poolMaxConns()).isEqualTo(4);
        assertThat(b.poolMaxConnIdleTime()).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void databaseFlagsAndEnvironmentApplyToTheFirstDatabase() throws IOException {
        write(cwd.resolve("pgedge-postgres-mcp.yaml"), """
                databases:
                  - {name: first, host: filehost, user: fileuser, database: filedb}
                  - {name: second, host: secondhost, user: u2}
                """);
        env.put("PGEDGE_DB_HOST", "envhost");
        env.put("PGEDGE_DB_PORT", "6000");
        env.put("PGEDGE_DB_NAME", "envdb");
        env.put("PGEDGE_DB_USER", "envuser");
        env.put("PGEDGE_DB_PASSWORD", "envpw");
        env.put("PGEDGE_DB_SSLMODE", "require");
        DatabaseConfig first = load().databases().get(0);
        assertThat(first.host()).isEqualTo("envhost");
        assertThat(first.port()).isEqualTo(6000);
        assertThat(first.database()).isEqualTo("envdb");
        assertThat(first.user()).isEqualTo("envuser");
        assertThat(first.password()).isEqualTo("envpw");
        assertThat(first.sslmode()).isEqualTo("require");

        List<DatabaseConfig> dbs = load(flags().dbHost("flaghost").dbPort(7000).dbName("flagdb").dbUser("flaguser")
                .dbPassword("flagpw").dbSslmode("disable").build()).databases();
        assertThat(dbs.get(0)).extracting(DatabaseConfig::host, DatabaseConfig::port, DatabaseConfig::database,
                DatabaseConfig::user, DatabaseConfig::password, DatabaseConfig::sslmode)
                .containsExactly("flaghost", 7000, "flagdb", "flaguser", "flagpw", "disable");
        assertThat(dbs.get(1).host()).isEqualTo("secondhost");
    }

    @Test
    void databaseFlagsAloneCreateTheDefaultDatabase() {
        List<DatabaseConfig> dbs = load(flags().dbUser("me").dbName("shop").build()).databases();
        assertThat(dbs).singleElement().satisfies(db -> {
            assertThat(db.name()).isEqualTo("default");
            assertThat(db.user()).isEqualTo("me");
            assertThat(db.database()).isEqualTo("shop");
            assertThat(db.host()).isEqualTo("localhost");
        });
    }

    @Test
    void libpqVariablesAreFallbacks() throws IOException {
        env.put("PGHOST", "pghost");
        env.put("PGPORT", "5555");
        env.put("PGDATABASE", "pgdb");
        env.put("PGUSER", "pguser");
        env.put("PGPASSWORD", "pgpw");
        env.put("PGSSLMODE", "verify-ca");
        DatabaseConfig only = load().databases().get(0);
        assertThat(only).extracting(DatabaseConfig::name, DatabaseConfig::host, DatabaseConfig::port,
                DatabaseConfig::database, DatabaseConfig::user, DatabaseConfig::password, DatabaseConfig::sslmode)
                .containsExactly("default", "pghost", 5555, "pgdb", "pguser", "pgpw", "verify-ca");

        // The file beats libpq's variables; PGEDGE_DB_* beats both.
        write(cwd.resolve("pgedge-postgres-mcp.yaml"), "databases:\n  - {name: main, host: filehost, user: fileuser}\n");
        env.put("PGEDGE_DB_USER", "pgedgeuser");
        DatabaseConfig main = load().databases().get(0);
        assertThat(main.name()).isEqualTo("main");
        assertThat(main.host()).isEqualTo("filehost");
        assertThat(main.user()).isEqualTo("pgedgeuser");
        assertThat(main.port()).isEqualTo(5555);
        assertThat(main.database()).isEqualTo("pgdb");
    }

    @Test
    void databaseWithoutUserIsAnError() throws IOException {
        write(cwd.resolve("pgedge-postgres-mcp.yaml"), "databases:\n  - {name: nouser, host: h}\n");
        assertThatThrownBy(this::load)
                .isInstanceOf(ConfigException.class)
                .hasMessage("database 'nouser' has no user: set user in databases[0] of the configuration file, "
                        + "-db-user, PGEDGE_DB_USER or PGUSER");
    }

    @Test
    void databaseWithoutNameIsAnError() throws IOException {
        Path f = write(cwd.resolve("pgedge-postgres-mcp.yaml"), "databases:\n  - {host: h, user: u}\n");
        assertThatThrownBy(this::load)
                .hasMessage("databases[0].name in " + f + ": every database needs a name");
    }

    @Test
    void duplicateDatabaseNamesAreAnError() throws IOException {
        write(cwd.resolve("pgedge-postgres-mcp.yaml"), "databases:\n  - {name: a, user: u}\n  - {name: a, user: v}\n");
        assertThatThrownBy(this::load).hasMessageContaining("the name 'a' is used twice");
    }

    @Test
    void poolMinAboveMaxIsAnError() throws IOException {
        write(cwd.resolve("pgedge-postgres-mcp.yaml"),
                "databases:\n  - {name: a, user: u, pool_max_conns: 2, pool_min_conns: 3}\n");
        assertThatThrownBy(this::load).hasMessage("database 'a': pool_min_conns (3) is larger than pool_max_conns (2)");
    }

    @Test
    void adminPurposeIgnoresDatabaseSettingsEntirely() throws IOException {
        write(cwd.resolve("pgedge-postgres-mcp.yaml"), "databases:\n  - {name: a, port: not-a-port}\n");
        env.put("PGPORT", "abc");
        env.put("PGEDGE_DB_SSLMODE", "bogus");
        LoadedConfig l = loader().load(ConfigOverrides.none(), Purpose.ADMIN);
        assertThat(l.config().databases()).isEmpty();
        assertThat(l.warnings()).isEmpty();
        assertThatThrownBy(this::load).isInstanceOf(ConfigException.class);
    }

    // ---- error messages -----------------------------------------------------------------

    @Test
    void badIntegerInTheEnvironment() {
        env.put("PGEDGE_AUTH_RATE_LIMIT_MAX_ATTEMPTS", "ten");
        assertThatThrownBy(this::load)
                .hasMessage("PGEDGE_AUTH_RATE_LIMIT_MAX_ATTEMPTS: expected a whole number (at least 1), got 'ten'");
    }

    @Test
    void negativeLockoutInTheEnvironment() {
        env.put("PGEDGE_AUTH_MAX_FAILED_ATTEMPTS_BEFORE_LOCKOUT", "-1");
        assertThatThrownBy(this::load)
                .hasMessage("PGEDGE_AUTH_MAX_FAILED_ATTEMPTS_BEFORE_LOCKOUT: expected a whole number (0 or more), got -1");
    }

    @Test
    void zeroWindowInTheFile() throws IOException {
        Path f = write(cwd.resolve("pgedge-postgres-mcp.yaml"), "http:\n  auth:\n    rate_limit_window_minutes: 0\n");
        assertThatThrownBy(this::load)
                .hasMessage("http.auth.rate_limit_window_minutes in " + f
                        + ": expected a whole number (at least 1), got 0");
    }

    @Test
    void badPortInTheEnvironment() {
        env.put("PGEDGE_DB_PORT", "99999");
        assertThatThrownBy(this::load).hasMessage("PGEDGE_DB_PORT: expected a whole number from 1 to 65535, got 99999");
        env.remove("PGEDGE_DB_PORT");
        env.put("PGPORT", "x");
        env.put("PGUSER", "u");
        assertThatThrownBy(this::load).hasMessage("PGPORT: expected a whole number from 1 to 65535, got 'x'");
    }

    @Test
    void badPortFlag() {
        assertThatThrownBy(() -> load(flags().dbPort(0).build()))
                .hasMessage("-db-port: expected a whole number from 1 to 65535, got 0");
    }

    @Test
    void badAddressFromEachLayer() throws IOException {
        assertThatThrownBy(() -> load(flags().address("localhost").build()))
                .hasMessage("-addr: expected host:port or :port (such as 127.0.0.1:8080 or :8080), got 'localhost'");
        env.put("PGEDGE_HTTP_ADDRESS", "host:99999");
        assertThatThrownBy(this::load).hasMessage("PGEDGE_HTTP_ADDRESS: port 99999 is out of range (0 to 65535)");
        env.clear();
        Path f = write(cwd.resolve("pgedge-postgres-mcp.yaml"), "http:\n  address: 'a b:80'\n");
        assertThatThrownBy(this::load).hasMessageStartingWith("http.address in " + f + ": expected host:port");
    }

    @Test
    void ipv6AddressIsAccepted() {
        assertThat(load(flags().address("[::1]:9000").build()).http().address()).isEqualTo("[::1]:9000");
    }

    @Test
    void badSslModeNamesTheSource() {
        assertThatThrownBy(() -> load(flags().dbUser("u").dbSslmode("sometimes").build()))
                .hasMessage("-db-sslmode: expected one of disable, allow, prefer, require, verify-ca, verify-full, "
                        + "got 'sometimes'");
        env.put("PGSSLMODE", "nope");
        env.put("PGUSER", "u");
        assertThatThrownBy(this::load).hasMessageStartingWith("PGSSLMODE: expected one of");
    }

    @Test
    void badDurationInTheFile() throws IOException {
        Path f = write(cwd.resolve("pgedge-postgres-mcp.yaml"),
                "databases:\n  - {name: a, user: u, pool_max_conn_idle_time: 30 minutes}\n");
        assertThatThrownBy(this::load)
                .hasMessage("databases[0].pool_max_conn_idle_time in " + f
                        + ": expected a duration such as 30m, 1h30m or 90s, got '30 minutes'");
    }

    @Test
    void badCidrAndOrigin() throws IOException {
        env.put("PGEDGE_HTTP_TRUSTED_PROXIES", "10.0.0.0/40");
        assertThatThrownBy(this::load).hasMessage("PGEDGE_HTTP_TRUSTED_PROXIES: the prefix length of '10.0.0.0/40' must be 0 to 32");
        env.clear();
        env.put("PGEDGE_HTTP_TRUSTED_PROXIES", "proxy.example.com");
        assertThatThrownBy(this::load).hasMessageStartingWith("PGEDGE_HTTP_TRUSTED_PROXIES: expected an IP address or CIDR block");
        env.clear();
        Path f = write(cwd.resolve("pgedge-postgres-mcp.yaml"), "http:\n  allowed_origins: [https://ok.example.com, 'ftp://x']\n");
        assertThatThrownBy(this::load).hasMessageStartingWith("http.allowed_origins[1] in " + f + ": expected an origin");
    }

    @Test
    void wrongShapesNameTheKey() throws IOException {
        Path f = write(cwd.resolve("pgedge-postgres-mcp.yaml"), "http: 5\n");
        assertThatThrownBy(this::load).hasMessage("http in " + f + ": expected a mapping of keys, got a single value");
        write(f, "databases:\n  name: x\n");
        assertThatThrownBy(this::load).hasMessage("databases in " + f + ": expected a list (- name: ...), got a mapping");
        write(f, "- a\n- b\n");
        assertThatThrownBy(this::load).hasMessageContaining("the top level must be a mapping");
        write(f, "http:\n  address: [a, b]\n");
        assertThatThrownBy(this::load).hasMessage("http.address in " + f + ": expected a single value, got a list");
    }

    @Test
    void unknownKeysAreWarnedWithTheirPath() throws IOException {
        Path f = write(cwd.resolve("pgedge-postgres-mcp.yaml"), """
                http:
                  enabled: true
                  adress: typo
                  auth:
                    enabled: true
                    tokn_file: x
                llm:
                  enabled: false
                databases:
                  - {name: a, user: u, allow_writes: true}
                """);
        LoadedConfig l = loader().load(ConfigOverrides.none(), Purpose.SERVER);
        assertThat(l.warnings()).containsExactlyInAnyOrder(
                "unknown or unsupported key http.adress in " + f + " (ignored)",
                "unknown or unsupported key http.auth.tokn_file in " + f + " (ignored)",
                "unknown or unsupported key llm in " + f + " (ignored)",
                "unknown or unsupported key databases[0].allow_writes in " + f + " (ignored)");
    }

    // ---- safe YAML ----------------------------------------------------------------------

    @Test
    void duplicateKeysAreRejected() throws IOException {
        Path f = write(cwd.resolve("pgedge-postgres-mcp.yaml"), "http:\n  enabled: true\n  enabled: false\n");
        assertThatThrownBy(this::load)
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("cannot parse configuration file " + f + ": Duplicate field 'enabled'")
                .hasMessageContaining("line 3");
    }

    @Test
    void aliasesAreRejected() throws IOException {
        write(cwd.resolve("pgedge-postgres-mcp.yaml"), "base: &b {enabled: true}\nhttp: *b\n");
        assertThatThrownBy(this::load).hasMessageContaining("aliases (*name) are not supported, at line 2");
    }

    @Test
    void aliasBombIsRejectedQuickly() throws IOException {
        StringBuilder bomb = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\"]\n");
        for (char c = 'b'; c <= 'j'; c++) {
            char p = (char) (c - 1);
            bomb.append(c).append(": &").append(c).append(" [*").append(p).append(",*").append(p).append(",*")
                    .append(p).append("]\n");
        }
        write(cwd.resolve("pgedge-postgres-mcp.yaml"), bomb.toString());
        assertThatThrownBy(this::load).isInstanceOf(ConfigException.class).hasMessageContaining("alias");
    }

    @Test
    void syntaxErrorsGiveTheLineButNeverQuoteTheFile() throws IOException {
        Path f = write(cwd.resolve("pgedge-postgres-mcp.yaml"),
                "databases:\n  - name: a\n    password: hunter2: oops\n");
        assertThatThrownBy(this::load)
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("cannot parse configuration file " + f + ": ")
                .hasMessageContaining("line 3")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void passwordsNeverAppearInErrors() {
        env.put("PGEDGE_DB_PASSWORD", "topsecret-pw");
        env.put("PGEDGE_DB_SSLMODE", "bad");
        assertThatThrownBy(this::load).hasMessageNotContaining("topsecret-pw");
    }

    @Test
    void globalTagsAreNotInstantiated() throws IOException {
        write(cwd.resolve("pgedge-postgres-mcp.yaml"),
                "http:\n  address: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://x\"]]]]\n");
        assertThatThrownBy(this::load).isInstanceOf(ConfigException.class)
                .hasMessageContaining("http.address");
    }

    @Test
    void emptyFileAndEmptyDocumentAreDefaults() throws IOException {
        write(cwd.resolve("pgedge-postgres-mcp.yaml"), "");
        assertThat(load().http().auth().enabled()).isTrue();
        write(cwd.resolve("pgedge-postgres-mcp.yaml"), "# only a comment\n");
        assertThat(load().http().address()).isEqualTo("127.0.0.1:8080");
    }

    @Test
    void jsonIsAcceptedToo() throws IOException {
        write(cwd.resolve("pgedge-postgres-mcp.yaml"),
                "{\"http\": {\"enabled\": true, \"auth\": {\"enabled\": false}}, \"databases\": [{\"name\": \"j\", \"user\": \"u\"}]}");
        ServerConfig c = load();
        assertThat(c.http().enabled()).isTrue();
        assertThat(c.http().auth().enabled()).isFalse();
        assertThat(c.databases()).extracting(DatabaseConfig::name).containsExactly("j");
    }

    @Test
    void invalidUtf8IsAnError() throws IOException {
        Files.write(cwd.resolve("pgedge-postgres-mcp.yaml"), new byte[] {'h', ':', ' ', (byte) 0xC3, (byte) 0x28});
        assertThatThrownBy(this::load).hasMessageContaining("not valid UTF-8");
    }

    @Test
    void oversizedFileIsRefused() throws IOException {
        Files.write(cwd.resolve("pgedge-postgres-mcp.yaml"), new byte[SafeYamlReader.MAX_BYTES + 1]);
        assertThatThrownBy(this::load).hasMessageContaining("is too large");
    }

    @Test
    void referenceExampleFromTheGuideLoads() throws IOException {
        write(cwd.resolve("pgedge-postgres-mcp.yaml"), """
                http:
                    auth:
                        enabled: true
                        token_file: "./pgedge-postgres-mcp-tokens.yaml"
                        max_failed_attempts_before_lockout: 5
                        rate_limit_window_minutes: 15
                        rate_limit_max_attempts: 10
                """);
        ServerConfig c = load();
        assertThat(c.http().auth().maxFailedAttemptsBeforeLockout()).isEqualTo(5);
        assertThat(c.http().auth().tokenFile()).isEqualTo(cwd.resolve("pgedge-postgres-mcp-tokens.yaml"));
    }
}
