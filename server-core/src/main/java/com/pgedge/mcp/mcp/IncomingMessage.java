package com.pgedge.mcp.mcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.NullNode;
import java.io.IOException;

/**
 * One JSON-RPC message as received, classified before any method runs, so a transport can decide
 * what to do with it (answer 202, answer 400, run it inline or on a worker) without re-parsing.
 */
public sealed interface IncomingMessage {

    /** A request: has an id and a method, and gets exactly one response. */
    record Request(JsonNode id, String method, JsonNode params) implements IncomingMessage {

        /** {@code params.name} of a {@code tools/call}, or {@code null}. */
        public String toolName() {
            if (!"tools/call".equals(method) || params == null) {
                return null;
            }
            JsonNode name = params.get("name");
            return name != null && name.isTextual() ? name.asText() : null;
        }
    }

    /** A notification: a method without an id; never answered. */
    record Notification(String method) implements IncomingMessage {
    }

    /** A response the client posted back (to a server-initiated request); never answered. */
    record Response() implements IncomingMessage {
    }

    /** Not a usable message: answered with this error ({@code id} is JSON null when unknown). */
    record Invalid(JsonNode id, JsonRpcError error) implements IncomingMessage {
    }

    /** Parses and classifies raw bytes (UTF-8 JSON, exactly one value). Never throws. */
    static IncomingMessage parse(byte[] body) {
        return parse(body, 0, body.length);
    }

    static IncomingMessage parse(byte[] body, int offset, int length) {
        if (length >= 3 && (body[offset] & 0xFF) == 0xEF && (body[offset + 1] & 0xFF) == 0xBB
                && (body[offset + 2] & 0xFF) == 0xBF) {
            // JSON text exchanged between systems must not start with a BOM (RFC 8259 §8.1).
            return new Invalid(NullNode.getInstance(), JsonRpcError.parseError("byte order mark not allowed"));
        }
        JsonNode node;
        try {
            node = McpJson.mapper().readTree(body, offset, length);
        } catch (StreamConstraintsException e) {
            return new Invalid(NullNode.getInstance(), JsonRpcError.parseError("message exceeds parser limits"));
        } catch (JsonProcessingException e) {
            return new Invalid(NullNode.getInstance(), JsonRpcError.parseError("invalid JSON"));
        } catch (IOException | RuntimeException e) {
            return new Invalid(NullNode.getInstance(), JsonRpcError.parseError("invalid JSON"));
        }
        return classify(node);
    }

    /** Classifies an already parsed value. Never throws. */
    static IncomingMessage classify(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return new Invalid(NullNode.getInstance(), JsonRpcError.parseError("empty message"));
        }
        if (node.isArray()) {
            // Batching was removed from MCP in 2025-06-18; a batch must not slip past per-call checks.
            return new Invalid(NullNode.getInstance(), JsonRpcError.invalidRequest("batch requests are not supported"));
        }
        if (!node.isObject()) {
            return new Invalid(NullNode.getInstance(), JsonRpcError.invalidRequest("a message must be a JSON object"));
        }
        JsonNode idNode = node.get("id");
        boolean hasId = idNode != null;
        boolean validId = hasId && (idNode.isTextual() || idNode.isIntegralNumber());
        JsonNode replyId = validId ? idNode : NullNode.getInstance();

        JsonNode version = node.get("jsonrpc");
        if (version == null || !version.isTextual() || !"2.0".equals(version.asText())) {
            return new Invalid(replyId, JsonRpcError.invalidRequest("jsonrpc must be \"2.0\""));
        }
        if (hasId && !validId) {
            return new Invalid(NullNode.getInstance(), JsonRpcError.invalidRequest("id must be a string or an integer"));
        }
        JsonNode method = node.get("method");
        if (method == null) {
            if (hasId && (node.has("result") || node.has("error"))) {
                return new Response();
            }
            return new Invalid(replyId, JsonRpcError.invalidRequest("method is missing"));
        }
        if (!method.isTextual() || method.asText().isEmpty()) {
            return new Invalid(replyId, JsonRpcError.invalidRequest("method must be a non-empty string"));
        }
        if (!hasId) {
            return new Notification(method.asText());
        }
        JsonNode params = node.get("params");
        if (params != null && params.getNodeType() != JsonNodeType.OBJECT && !params.isNull()) {
            return new Invalid(replyId, JsonRpcError.invalidParams("params must be an object"));
        }
        return new Request(idNode, method.asText(), params == null || params.isNull() ? null : params);
    }
}
