package com.pgedge.mcp.admin.store;

import java.util.List;

import com.pgedge.mcp.auth.AccountStatus;
import com.pgedge.mcp.auth.AuthSettings;
import com.pgedge.mcp.auth.UserRecord;
import com.pgedge.mcp.config.ServerConfig;

/**
 * The settings the console opens a store with.
 *
 * @param auth      what the auth core is opened with (lockout threshold, rate limit)
 * @param databases the names of the configured databases, for binding tokens; empty without a config
 * @param config    the resolved server configuration, or {@code null} when no config file was given
 */
public record StoreSettings(AuthSettings auth, List<String> databases, ServerConfig config) {

    public StoreSettings {
        databases = databases == null ? List.of() : List.copyOf(databases);
    }

    /** Lockout threshold; 0 when lockout is off or unknown. */
    public int lockoutThreshold() {
        return auth.maxFailedAttemptsBeforeLockout();
    }

    /**
     * Enabled / Disabled / Locked as the console shows it. With a configuration the rule is the
     * SPEC's (disabled and the counter at the threshold). Without one the threshold is unknown:
     * a disabled account that still carries failed attempts was, in practice, locked by them
     * (an admin's disable does not add failures), so it is shown as Locked and offered for unlock.
     */
    public AccountStatus statusOf(UserRecord user) {
        if (config == null && lockoutThreshold() == 0) {
            if (user.enabled()) {
                return AccountStatus.ENABLED;
            }
            return user.failedAttempts() > 0 ? AccountStatus.LOCKED : AccountStatus.DISABLED;
        }
        return user.status(lockoutThreshold());
    }
}
