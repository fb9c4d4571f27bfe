package com.pgedge.mcp.cli;

/**
 * A command could not do what was asked (exit code 1). The message is printed as
 * {@code ERROR: <message>}; it never contains a secret.
 */
final class CliFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    CliFailure(String message) {
        super(message);
    }
}
