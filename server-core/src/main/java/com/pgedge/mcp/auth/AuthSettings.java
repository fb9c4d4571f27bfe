package com.pgedge.mcp.auth;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * What the auth core needs to know, taken from the server configuration (SPEC §4, §5).
 *
 * @param tokenFile                 the token file (need not exist yet)
 * @param userFile                  the user file (need not exist yet)
 * @param auditFile                 the JSON-lines audit log; {@code null} means
 *                                  {@code pgedge-postgres-mcp-audit.jsonl} beside the user file
 * @param maxFailedAttemptsBeforeLockout lockout threshold; 0 turns lockout off
 * @param rateLimitWindow           the sliding window for per-address failures
 * @param rateLimitMaxAttempts      failures allowed per address inside the window
 * @param sessionLifetime           how long a session token lives (24 h)
 * @param maxSessionsPerUser        sessions a user may hold at once; the oldest is dropped beyond it
 */
public record AuthSettings(Path tokenFile, Path userFile, Path auditFile,
                           int maxFailedAttemptsBeforeLockout, Duration rateLimitWindow,
                           int rateLimitMaxAttempts, Duration sessionLifetime, int maxSessionsPerUser) {

    public static final String DEFAULT_TOKEN_FILE = "pgedge-postgres-mcp-tokens.yaml";
    public static final String DEFAULT_USER_FILE = "pgedge-postgres-mcp-users.yaml";
    public static final String DEFAULT_AUDIT_FILE = "pgedge-postgres-mcp-audit.jsonl";

    public AuthSettings {
        Objects.requireNonNull(tokenFile, "tokenFile");
        Objects.requireNonNull(userFile, "userFile");
        if (maxFailedAttemptsBeforeLockout < 0) {
            throw new IllegalArgumentException("max_failed_attempts_before_lockout must be 0 or more");
        }
        if (rateLimitWindow == null || rateLimitWindow.isNegative() || rateLimitWindow.isZero()) {
            throw new IllegalArgumentException("rate_limit_window_minutes must be at least 1");
        }
        if (rateLimitMaxAttempts < 1) {
            throw new IllegalArgumentException("rate_limit_max_attempts must be at least 1");
        }
        sessionLifetime = sessionLifetime == null ? Duration.ofHours(24) : sessionLifetime;
        maxSessionsPerUser = maxSessionsPerUser <= 0 ? 10 : maxSessionsPerUser;
    }

    /** Defaults from SPEC §4: lockout off, 10 failures per 15 minutes, 24 h sessions. */
    public static AuthSettings defaults(Path tokenFile, Path userFile) {
        return new AuthSettings(tokenFile, userFile, null, 0, Duration.ofMinutes(15), 10,
                Duration.ofHours(24), 10);
    }

    public AuthSettings withLockout(int threshold) {
        return new AuthSettings(tokenFile, userFile, auditFile, threshold, rateLimitWindow,
                rateLimitMaxAttempts, sessionLifetime, maxSessionsPerUser);
    }

    public AuthSettings withRateLimit(Duration window, int maxAttempts) {
        return new AuthSettings(tokenFile, userFile, auditFile, maxFailedAttemptsBeforeLockout, window,
                maxAttempts, sessionLifetime, maxSessionsPerUser);
    }

    public AuthSettings withAuditFile(Path file) {
        return new AuthSettings(tokenFile, userFile, file, maxFailedAttemptsBeforeLockout, rateLimitWindow,
                rateLimitMaxAttempts, sessionLifetime, maxSessionsPerUser);
    }

    public AuthSettings withTokenFile(Path file) {
        return new AuthSettings(file, userFile, auditFile, maxFailedAttemptsBeforeLockout, rateLimitWindow,
                rateLimitMaxAttempts, sessionLifetime, maxSessionsPerUser);
    }

    public AuthSettings withUserFile(Path file) {
        return new AuthSettings(tokenFile, file, auditFile, maxFailedAttemptsBeforeLockout, rateLimitWindow,
                rateLimitMaxAttempts, sessionLifetime, maxSessionsPerUser);
    }

    public AuthSettings withSessions(Duration lifetime, int maxPerUser) {
        return new AuthSettings(tokenFile, userFile, auditFile, maxFailedAttemptsBeforeLockout, rateLimitWindow,
                rateLimitMaxAttempts, lifetime, maxPerUser);
    }

    /** The audit file actually used: the configured one, or the default beside the user file. */
    public Path effectiveAuditFile() {
        if (auditFile != null) {
            return auditFile;
        }
        Path parent = userFile.toAbsolutePath().getParent();
        return parent.resolve(DEFAULT_AUDIT_FILE);
    }
}
