package com.pgedge.mcp.auth;

import java.time.Duration;
import java.time.Instant;

/**
 * The outcome of {@link AuthService#login}. The failure {@code reason} is for the audit log and
 * the console only; what a client sees is {@link #GENERIC_FAILURE_MESSAGE} or
 * {@link #RATE_LIMITED_MESSAGE}, so usernames cannot be enumerated (SPEC §3.1).
 *
 * @param status       success, failure, or refused because the address is rate-limited
 * @param sessionToken the new session token (success only); shown once to the client, never stored
 * @param expiresAt    when the session ends (success only)
 * @param reason       why it failed (failure only)
 * @param retryAfter   how long until the address is free (rate-limited only)
 */
public record LoginResult(Status status, String sessionToken, Instant expiresAt,
                          FailureReason reason, Duration retryAfter) {

    /** The one text a client sees for any bad-credential failure. */
    public static final String GENERIC_FAILURE_MESSAGE = "Invalid username or password";

    /** The text a client sees while its address is rate-limited. */
    public static final String RATE_LIMITED_MESSAGE =
            "Too many failed authentication attempts. Please try again later.";

    public enum Status {
        SUCCESS,
        FAILURE,
        RATE_LIMITED
    }

    public enum FailureReason {
        UNKNOWN_USER,
        WRONG_PASSWORD,
        ACCOUNT_DISABLED,
        ACCOUNT_LOCKED,
        INVALID_INPUT,
        /** the worker pool for bcrypt is saturated; refused quickly instead of queueing forever */
        BUSY
    }

    public static LoginResult success(String sessionToken, Instant expiresAt) {
        return new LoginResult(Status.SUCCESS, sessionToken, expiresAt, null, null);
    }

    public static LoginResult failure(FailureReason reason) {
        return new LoginResult(Status.FAILURE, null, null, reason, null);
    }

    public static LoginResult rateLimited(Duration retryAfter) {
        return new LoginResult(Status.RATE_LIMITED, null, null, null, retryAfter);
    }

    public boolean succeeded() {
        return status == Status.SUCCESS;
    }

    /** What the client is told on failure: never more specific than this. */
    public String clientMessage() {
        return switch (status) {
            case SUCCESS -> "Authentication successful";
            case FAILURE -> GENERIC_FAILURE_MESSAGE;
            case RATE_LIMITED -> RATE_LIMITED_MESSAGE;
        };
    }

    @Override
    public String toString() {
        return "LoginResult[" + status + (reason == null ? "" : " " + reason) + "]";
    }
}
