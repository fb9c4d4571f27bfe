package com.pgedge.mcp.auth;

/**
 * A token that was just created: the stored record and the plaintext, which exists only here
 * and must be shown to the admin once and then forgotten.
 */
public record CreatedToken(TokenRecord record, String plaintext) {

    @Override
    public String toString() {
        // Never let a log line or a debugger's toString leak the secret.
        return "CreatedToken[id=" + record.id() + "]";
    }
}
