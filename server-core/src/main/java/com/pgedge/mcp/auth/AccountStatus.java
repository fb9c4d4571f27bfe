package com.pgedge.mcp.auth;

/** How an account is shown to an admin (SPEC §4, §6). */
public enum AccountStatus {
    ENABLED,
    DISABLED,
    LOCKED
}
