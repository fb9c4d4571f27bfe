package com.pgedge.mcp.auth;

import java.time.Duration;

/**
 * The outcome of checking a bearer token at the HTTP edge.
 *
 * @param status     accepted, rejected (401) or rejected while the address is rate-limited (429)
 * @param principal  set when accepted
 * @param retryAfter set when {@link Status#RATE_LIMITED}: how long until the address is free
 */
public record BearerResult(Status status, AuthPrincipal principal, Duration retryAfter) {

    public enum Status {
        ACCEPTED,
        REJECTED,
        RATE_LIMITED
    }

    public static BearerResult accepted(AuthPrincipal principal) {
        return new BearerResult(Status.ACCEPTED, principal, null);
    }

    public static BearerResult rejected() {
        return new BearerResult(Status.REJECTED, null, null);
    }

    public static BearerResult rateLimited(Duration retryAfter) {
        return new BearerResult(Status.RATE_LIMITED, null, retryAfter);
    }

    public boolean accepted() {
        return status == Status.ACCEPTED;
    }
}
