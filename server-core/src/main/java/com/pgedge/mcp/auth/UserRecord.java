package com.pgedge.mcp.auth;

import java.time.Instant;
import java.util.Objects;

/**
 * One user account as stored in the user file (SPEC §1.2). The password is only ever held as
 * a bcrypt hash; session tokens are never part of this record.
 *
 * @param username       the login name (also the map key in the file)
 * @param passwordHash   bcrypt hash ({@code $2a$}, {@code $2b$} or {@code $2y$})
 * @param createdAt      creation instant (may be {@code null} in hand-written files)
 * @param lastLogin      last successful login, or {@code null}
 * @param enabled        whether the account may log in
 * @param annotation     free text, {@code ""} when empty
 * @param failedAttempts consecutive failed logins since the last success or unlock
 */
public record UserRecord(String username, String passwordHash, Instant createdAt, Instant lastLogin,
                         boolean enabled, String annotation, int failedAttempts) {

    public UserRecord {
        Objects.requireNonNull(username, "username");
        passwordHash = passwordHash == null ? "" : passwordHash;
        annotation = annotation == null ? "" : annotation;
    }

    /**
     * Locked means: disabled, and the failed-attempt counter has reached the lockout threshold
     * (SPEC §4). With lockout off ({@code threshold <= 0}) an account is never shown as locked.
     */
    public boolean isLocked(int lockoutThreshold) {
        return !enabled && lockoutThreshold > 0 && failedAttempts >= lockoutThreshold;
    }

    /** Enabled / Disabled / Locked, as the CLI and the console show it. */
    public AccountStatus status(int lockoutThreshold) {
        if (enabled) {
            return AccountStatus.ENABLED;
        }
        return isLocked(lockoutThreshold) ? AccountStatus.LOCKED : AccountStatus.DISABLED;
    }
}
