package com.pgedge.mcp.auth;

import java.time.Instant;
import java.util.Objects;

/**
 * One API token as stored in the token file (SPEC §1.1). The plaintext token is never kept:
 * only the lowercase hex SHA-256 {@code hash}.
 *
 * @param id         the map key, {@code token-<unix seconds>} with {@code -2}, {@code -3}... on collision
 * @param hash       lowercase hex SHA-256 of the token's UTF-8 bytes
 * @param expiresAt  expiry instant, or {@code null} for a token that never expires
 * @param annotation free text, {@code ""} when empty
 * @param createdAt  creation instant (may be {@code null} in hand-written files)
 * @param database   the database this token is bound to, or {@code null} when unbound
 */
public record TokenRecord(String id, String hash, Instant expiresAt, String annotation,
                          Instant createdAt, String database) {

    public TokenRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(hash, "hash");
        annotation = annotation == null ? "" : annotation;
    }

    /** Expired iff {@code expires_at} is before {@code now} (SPEC §1.1). */
    public boolean isExpired(Instant now) {
        return expiresAt != null && expiresAt.isBefore(now);
    }

    /** The first 12 hex characters of the hash: safe to show, enough to tell tokens apart. */
    public String hashPrefix() {
        return hash.length() <= 12 ? hash : hash.substring(0, 12);
    }
}
