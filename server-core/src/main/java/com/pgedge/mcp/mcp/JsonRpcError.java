package com.pgedge.mcp.mcp;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A JSON-RPC 2.0 error object. {@code data} is optional extra detail shown to the client, so it
 * must never carry a stack trace, SQL text, a path or a secret.
 */
public record JsonRpcError(int code, String message, JsonNode data) {

    public static final int PARSE_ERROR = -32700;
    public static final int INVALID_REQUEST = -32600;
    public static final int METHOD_NOT_FOUND = -32601;
    public static final int INVALID_PARAMS = -32602;
    public static final int INTERNAL_ERROR = -32603;
    /** MCP: the requested resource does not exist. */
    public static final int RESOURCE_NOT_FOUND = -32002;
    /** Implementation-defined server error: used for a refused {@code authenticate_user}. */
    public static final int AUTHENTICATION_FAILED = -32000;

    public static JsonRpcError parseError(String detail) {
        return new JsonRpcError(PARSE_ERROR, "Parse error", text(detail));
    }

    public static JsonRpcError invalidRequest(String detail) {
        return new JsonRpcError(INVALID_REQUEST, "Invalid Request", text(detail));
    }

    public static JsonRpcError methodNotFound(String method) {
        return new JsonRpcError(METHOD_NOT_FOUND, "Method not found", text(method));
    }

    public static JsonRpcError invalidParams(String detail) {
        return new JsonRpcError(INVALID_PARAMS, "Invalid params", text(detail));
    }

    private static JsonNode text(String detail) {
        return detail == null ? null : McpJson.mapper().getNodeFactory().textNode(detail);
    }
}
