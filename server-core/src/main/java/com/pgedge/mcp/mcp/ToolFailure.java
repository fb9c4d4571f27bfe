package com.pgedge.mcp.mcp;

/**
 * A failure whose message is safe and useful to show to the client (no JDBC URL, no password,
 * no stack trace).
 */
public class ToolFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ToolFailure(String message) {
        super(message);
    }

    public ToolFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
