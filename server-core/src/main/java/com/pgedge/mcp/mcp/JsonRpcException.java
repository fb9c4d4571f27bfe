package com.pgedge.mcp.mcp;

/**
 * Thrown inside the dispatcher to answer a request with a JSON-RPC error instead of a result.
 * Carries no stack trace: it is control flow, and never reaches a log or a client as one.
 */
public final class JsonRpcException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient JsonRpcError error;

    public JsonRpcException(JsonRpcError error) {
        super(error.message(), null, false, false);
        this.error = error;
    }

    public JsonRpcError error() {
        return error;
    }
}
