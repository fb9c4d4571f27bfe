package com.pgedge.mcp.auth;

import java.util.Objects;

/**
 * Who made a request, after the bearer token was accepted.
 *
 * @param kind      API token or session token
 * @param name      the token id for an API token, the username for a session
 * @param tokenHash SHA-256 hex of the presented token: the key for per-token connection pools
 *                  and for revocation callbacks; never logged or written anywhere
 * @param database  the database an API token is bound to, or {@code null} when it may reach any
 */
public record AuthPrincipal(Kind kind, String name, String tokenHash, String database) {

    public enum Kind {
        API_TOKEN,
        SESSION,
        /** stdio mode or {@code -no-auth}: no credential was checked. */
        ANONYMOUS
    }

    public AuthPrincipal {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(tokenHash, "tokenHash");
    }

    /** The principal used when authentication is off: one shared pool key. */
    public static AuthPrincipal anonymous() {
        return new AuthPrincipal(Kind.ANONYMOUS, "anonymous", "anonymous", null);
    }

    @Override
    public String toString() {
        return "AuthPrincipal[" + kind + " " + name + (database == null ? "" : " db=" + database) + "]";
    }
}
