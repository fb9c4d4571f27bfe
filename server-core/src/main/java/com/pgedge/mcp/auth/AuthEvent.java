package com.pgedge.mcp.auth;

import java.time.Instant;
import java.util.Objects;

/**
 * One authentication event, as published to in-process listeners and written as one JSON line
 * to the audit log (SPEC §8). Never carries a token, a password or a hash.
 *
 * @param time     when it happened (from the injected clock)
 * @param type     what happened
 * @param username the account concerned, or {@code null}
 * @param address  the client address, or {@code null} (admin actions, reloads)
 * @param subject  the token id or file path concerned, or {@code null}
 * @param reason   a short human-readable reason ({@code "wrong password"}), or {@code null}
 */
public record AuthEvent(Instant time, AuthEventType type, String username, String address,
                        String subject, String reason) {

    public AuthEvent {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(type, "type");
    }
}
