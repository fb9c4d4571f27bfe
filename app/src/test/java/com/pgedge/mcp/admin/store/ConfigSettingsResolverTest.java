package com.pgedge.mcp.admin.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console reads a server configuration through the server's own loader. */
class ConfigSettingsResolverTest {

    @TempDir
    Path dir;

    private Path config(String text) throws Exception {
        Path file = dir.resolve("pgedge-postgres-mcp.yaml");
        Files.writeString(file, text);
        return file;
    }

    @Test
    void filesLockoutAndDatabasesComeFromTheConfiguration() throws Exception {
        Path cfg = config("""
                http:
                  auth:
                    token_file: ./secrets/tokens.yaml
                    user_file: ./secrets/users.yaml
                    max_failed_attempts_before_lockout: 3
                    rate_limit_max_attempts: 7
                databases:
                  - {name: production, host: db1, database: prod, user: mcp_ro}
                  - {name: analytics, host: db2, database: dw, user: mcp_ro}
                """);
        StoreSettings s = new ConfigSettingsResolver(Map.of(), dir).resolve(new StoreLocation(null, null, cfg));
        assertThat(s.auth().tokenFile()).isEqualTo(dir.resolve("secrets/tokens.yaml"));
        assertThat(s.auth().userFile()).isEqualTo(dir.resolve("secrets/users.yaml"));
        assertThat(s.lockoutThreshold()).isEqualTo(3);
        assertThat(s.auth().rateLimitMaxAttempts()).isEqualTo(7);
        assertThat(s.databases()).containsExactly("production", "analytics");
        assertThat(s.config()).isNotNull();
    }

    @Test
    void explicitFilesWinAndTheEnvironmentCountsLikeForTheServer() throws Exception {
        Path cfg = config("http:\n  auth:\n    max_failed_attempts_before_lockout: 3\n");
        StoreSettings s = new ConfigSettingsResolver(Map.of("PGEDGE_AUTH_MAX_FAILED_ATTEMPTS_BEFORE_LOCKOUT", "9"), dir)
                .resolve(new StoreLocation(dir.resolve("t.yaml"), dir.resolve("u.yaml"), cfg));
        assertThat(s.auth().tokenFile()).isEqualTo(dir.resolve("t.yaml"));
        assertThat(s.lockoutThreshold()).isEqualTo(9);
    }

    @Test
    void anUnusableDatabaseSettingDoesNotStopUserAdmin() throws Exception {
        Path cfg = config("http:\n  auth:\n    max_failed_attempts_before_lockout: 2\ndatabases:\n  - {name: x, sslmode: sometimes}\n");
        StoreSettings s = new ConfigSettingsResolver(Map.of(), dir).resolve(new StoreLocation(null, null, cfg));
        assertThat(s.lockoutThreshold()).isEqualTo(2);
    }

    @Test
    void aBrokenConfigurationIsReportedByName() throws Exception {
        Path cfg = config("http:\n  auth:\n    max_failed_attempts_before_lockout: lots\n");
        assertThatThrownBy(() -> new ConfigSettingsResolver(Map.of(), dir).resolve(new StoreLocation(null, null, cfg)))
                .hasMessageContaining("max_failed_attempts_before_lockout");
    }

    @Test
    void withoutAConfigurationTheDefaultsApply() {
        StoreSettings s = new ConfigSettingsResolver(Map.of(), dir).resolve(StoreLocation.inFolder(dir));
        assertThat(s.lockoutThreshold()).isZero();
        assertThat(s.config()).isNull();
    }
}
