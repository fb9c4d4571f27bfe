package com.pgedge.mcp.auth;

import java.nio.file.Path;
import java.time.Duration;

/** Shared set-up: real files in a temp folder, a hand-moved clock, a low bcrypt cost. */
final class AuthTestSupport {

    /** bcrypt cost for tests that are not about bcrypt itself (cost 12 takes ~250 ms per hash). */
    static final int FAST_COST = 4;

    private AuthTestSupport() {
    }

    static AuthSettings settings(Path dir) {
        return AuthSettings.defaults(dir.resolve("pgedge-postgres-mcp-tokens.yaml"),
                dir.resolve("pgedge-postgres-mcp-users.yaml"));
    }

    static AuthSettings settings(Path dir, int lockout, int maxAttempts) {
        return settings(dir).withLockout(lockout).withRateLimit(Duration.ofMinutes(15), maxAttempts);
    }

    static AuthService open(AuthSettings settings, MutableClock clock) {
        return AuthService.open(settings, clock, FAST_COST);
    }
}
