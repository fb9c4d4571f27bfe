package com.pgedge.mcp.admin.activity;

import java.util.EnumSet;
import java.util.Set;

import com.pgedge.mcp.auth.AuthEventType;

/** The activity filter's event groups. */
public enum EventKind {
    ALL("All events", EnumSet.allOf(AuthEventType.class)),
    FAILURES("Failures", EnumSet.of(AuthEventType.LOGIN_FAILED, AuthEventType.TOKEN_REJECTED,
            AuthEventType.RATE_LIMITED, AuthEventType.ACCOUNT_LOCKED)),
    LOGINS("Logins", EnumSet.of(AuthEventType.LOGIN_SUCCEEDED, AuthEventType.LOGIN_FAILED,
            AuthEventType.SESSION_ENDED, AuthEventType.ACCOUNT_LOCKED)),
    ADMIN("Admin changes", EnumSet.of(AuthEventType.TOKEN_ADDED, AuthEventType.TOKEN_REMOVED,
            AuthEventType.TOKENS_EXPIRED, AuthEventType.USER_ADDED, AuthEventType.USER_UPDATED,
            AuthEventType.USER_REMOVED, AuthEventType.USER_ENABLED, AuthEventType.USER_DISABLED,
            AuthEventType.ACCOUNT_UNLOCKED, AuthEventType.ADDRESS_CLEARED)),
    FILES("File reloads", EnumSet.of(AuthEventType.RELOADED, AuthEventType.RELOAD_FAILED));

    private final String label;
    private final Set<AuthEventType> types;

    EventKind(String label, Set<AuthEventType> types) {
        this.label = label;
        this.types = types;
    }

    public boolean includes(AuthEventType type) {
        return types.contains(type);
    }

    @Override
    public String toString() {
        return label;
    }

    /** "Login failed" for LOGIN_FAILED. */
    public static String describe(AuthEventType type) {
        return switch (type) {
            case LOGIN_SUCCEEDED -> "Login";
            case LOGIN_FAILED -> "Login failed";
            case TOKEN_REJECTED -> "Token rejected";
            case RATE_LIMITED -> "Rate limited";
            case ACCOUNT_LOCKED -> "Account locked";
            case ACCOUNT_UNLOCKED -> "Account unlocked";
            case SESSION_ENDED -> "Session ended";
            case RELOADED -> "File reloaded";
            case RELOAD_FAILED -> "Reload failed";
            case TOKEN_ADDED -> "Token added";
            case TOKEN_REMOVED -> "Token removed";
            case TOKENS_EXPIRED -> "Expired tokens";
            case USER_ADDED -> "User added";
            case USER_UPDATED -> "User changed";
            case USER_REMOVED -> "User deleted";
            case USER_ENABLED -> "User enabled";
            case USER_DISABLED -> "User disabled";
            case ADDRESS_CLEARED -> "Address cleared";
        };
    }
}
