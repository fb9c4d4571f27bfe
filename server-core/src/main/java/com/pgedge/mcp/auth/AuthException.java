package com.pgedge.mcp.auth;

/**
 * An admin operation or a credential file failed in a way a person can act on. The message is
 * written for that person (the CLI prints it as {@code ERROR: <message>}, the console shows it):
 * it never contains a secret and never a stack trace.
 */
public class AuthException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public AuthException(String message) {
        super(message);
    }

    public AuthException(String message, Throwable cause) {
        super(message, cause);
    }
}
