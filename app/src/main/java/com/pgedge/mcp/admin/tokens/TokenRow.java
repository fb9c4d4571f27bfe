package com.pgedge.mcp.admin.tokens;

import java.time.Instant;
import java.util.Locale;

import com.pgedge.mcp.auth.TokenRecord;

/**
 * One row of the Tokens table. {@code expired} is computed once when the rows are built (the
 * view rebuilds them every minute), so sorting and filtering never call the clock.
 */
public record TokenRow(TokenRecord token, boolean expired) {

    public String id() {
        return token.id();
    }

    public String statusText() {
        return expired ? "Expired" : "Active";
    }

    public String databaseText() {
        return token.database() == null ? "any" : token.database();
    }

    /** Expiry instant for sorting; tokens that never expire sort last. */
    public Instant expiresSortKey() {
        return token.expiresAt() == null ? Instant.MAX : token.expiresAt();
    }

    /** Case-insensitive match on id, hash prefix, note, database or status. */
    public boolean matches(String lowerQuery) {
        if (lowerQuery.isEmpty()) {
            return true;
        }
        return token.id().contains(lowerQuery)
                || token.hash().startsWith(lowerQuery)
                || token.annotation().toLowerCase(Locale.ROOT).contains(lowerQuery)
                || (token.database() != null && token.database().toLowerCase(Locale.ROOT).contains(lowerQuery))
                || statusText().toLowerCase(Locale.ROOT).equals(lowerQuery);
    }
}
