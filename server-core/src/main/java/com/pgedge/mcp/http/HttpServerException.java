package com.pgedge.mcp.http;

/**
 * The HTTP server cannot start: a bad address, a port in use, unreadable TLS files. The message
 * says what to change and never contains key material.
 */
public class HttpServerException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public HttpServerException(String message) {
        super(message);
    }

    public HttpServerException(String message, Throwable cause) {
        super(message, cause);
    }
}
