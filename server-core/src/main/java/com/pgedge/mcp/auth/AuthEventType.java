package com.pgedge.mcp.auth;

/** Every kind of event the auth core publishes and audits (SPEC §8). */
public enum AuthEventType {
    LOGIN_SUCCEEDED,
    LOGIN_FAILED,
    TOKEN_REJECTED,
    RATE_LIMITED,
    ACCOUNT_LOCKED,
    ACCOUNT_UNLOCKED,
    SESSION_ENDED,
    RELOADED,
    RELOAD_FAILED,
    TOKEN_ADDED,
    TOKEN_REMOVED,
    TOKENS_EXPIRED,
    USER_ADDED,
    USER_UPDATED,
    USER_REMOVED,
    USER_ENABLED,
    USER_DISABLED,
    ADDRESS_CLEARED;

    /** Failed logins, rejected tokens and rate-limit refusals: what the failed-attempt chart counts. */
    public boolean isFailure() {
        return this == LOGIN_FAILED || this == TOKEN_REJECTED || this == RATE_LIMITED;
    }
}
