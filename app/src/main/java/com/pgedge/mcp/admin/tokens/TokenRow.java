package com.pgedge.mcp.admin.tokens;

import java.time.Instant;
import java.util.Locale;

import com.pgedge.mcp.auth.TokenRecord;

/**
 * One row of the Tokens table. {@code expired} is computed once when the rows are built (the
 * view rebuilds them every minute), so sorting and filtering never call the clock;
 * {@code haystack} is the lower-case text the search looks in, built once per row so a keystroke
 * over 100 000 tokens allocates nothing per row.
 */
public record TokenRow(TokenRecord token, boolean expired, String haystack) {

    public static TokenRow of(TokenRecord token, boolean expired) {
        String text = (token.id() + '\n' + token.annotation() + '\n' + (token.database() == null ? "" : token.database()))
                .toLowerCase(Locale.ROOT);
        return new TokenRow(token, expired, text);
    }

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

    /**
     * Matches id, note or database (substring), hash (prefix) or the status word (prefix); the
     * query must already be stripped and lower case. Every rule is monotonic: a row that matches
     * "abc" also matches "ab", which lets the ViewModel narrow from the rows already shown.
     */
    public boolean matches(String lowerQuery) {
        if (lowerQuery.isEmpty()) {
            return true;
        }
        return haystack.contains(lowerQuery)
                || token.hash().startsWith(lowerQuery)
                || (expired ? "expired" : "active").startsWith(lowerQuery);
    }
}
