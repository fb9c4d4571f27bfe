package com.pgedge.mcp.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuthServiceSmokeTest {

    @TempDir
    Path dir;

    @Test
    void addTokenThenCheckItThenLoginAUser() throws Exception {
        MutableClock clock = new MutableClock();
        AuthSettings settings = AuthSettings.defaults(dir.resolve("t.yaml"), dir.resolve("u.yaml"));
        try (AuthService auth = AuthService.open(settings, clock, 4)) {
            CreatedToken t = auth.addToken("note", Duration.ofDays(1), null);
            assertThat(auth.checkBearer(t.plaintext(), "127.0.0.1").accepted()).isTrue();
            auth.addUser("alice", "SecurePassword123!", "Alice");
            LoginResult r = auth.login("alice", "SecurePassword123!", "127.0.0.1");
            assertThat(r.succeeded()).isTrue();
            assertThat(auth.checkBearer(r.sessionToken(), "127.0.0.1").accepted()).isTrue();
            assertThat(Files.readString(dir.resolve("t.yaml"))).startsWith("tokens:\n    token-");
            assertThat(Files.readString(dir.resolve("u.yaml"))).startsWith("users:\n    alice:\n");
        }
    }
}
