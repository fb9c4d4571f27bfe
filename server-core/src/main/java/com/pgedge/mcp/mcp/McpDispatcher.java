package com.pgedge.mcp.mcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import com.pgedge.mcp.cli.Version;
import java.io.UncheckedIOException;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MCP over JSON-RPC 2.0, transport-free: a classified request in, a response object out
 * (SPEC §3). Stateless: any request works without a prior {@code initialize}, and nothing is kept
 * between calls. Thread-safe.
 */
public final class McpDispatcher {

    public static final String SERVER_NAME = "pgedge-postgres-mcp";
    public static final String SERVER_TITLE = "pgEdge PostgreSQL MCP Server";

    private static final Logger LOG = LoggerFactory.getLogger(McpDispatcher.class);

    private final ToolRegistry registry;
    private final RawValue toolsList;
    private final RawValue resourcesList;

    public McpDispatcher(ToolRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.toolsList = new RawValue(registry.toolsListJson());
        this.resourcesList = new RawValue(registry.resourcesListJson());
    }

    public ToolRegistry registry() {
        return registry;
    }

    /** Parses and classifies one message. Never throws. */
    public IncomingMessage parse(byte[] body, int offset, int length) {
        return IncomingMessage.parse(body, offset, length);
    }

    public IncomingMessage parse(byte[] body) {
        return IncomingMessage.parse(body);
    }

    /**
     * Whether answering may block (tools and resources reach the database): such requests must
     * run on a worker thread. Everything else is answered from memory in microseconds.
     */
    public boolean mayBlock(IncomingMessage.Request request) {
        return "tools/call".equals(request.method()) || "resources/read".equals(request.method());
    }

    /** Answers one request. Never throws: every failure becomes a JSON-RPC error or an isError result. */
    public ObjectNode dispatch(IncomingMessage.Request request, ToolCallContext context) {
        try {
            return switch (request.method()) {
                case "initialize" -> result(request.id(), initialize(request.params()));
                case "ping" -> result(request.id(), McpJson.mapper().createObjectNode());
                case "tools/list" -> rawResult(request.id(), toolsList);
                case "tools/call" -> result(request.id(), callTool(request.params(), context));
                case "resources/list" -> rawResult(request.id(), resourcesList);
                case "resources/read" -> result(request.id(), readResource(request.params(), context));
                default -> error(request.id(), JsonRpcError.methodNotFound(request.method()));
            };
        } catch (JsonRpcException e) {
            return error(request.id(), e.error());
        } catch (RuntimeException e) {
            LOG.warn("Internal error answering {}: {}", request.method(), e.getClass().getName());
            LOG.debug("Internal error details", withoutMessages(e));
            return error(request.id(), new JsonRpcError(JsonRpcError.INTERNAL_ERROR, "Internal error", null));
        }
    }

    /**
     * Convenience for line- or message-oriented transports: raw bytes in, the bytes to send back
     * out, or {@code null} when nothing is to be sent (notification, posted response).
     */
    public byte[] handle(byte[] message, ToolCallContext context) {
        IncomingMessage incoming = parse(message);
        if (incoming instanceof IncomingMessage.Request request) {
            return toBytes(dispatch(request, context));
        }
        if (incoming instanceof IncomingMessage.Invalid invalid) {
            return toBytes(error(invalid.id(), invalid.error()));
        }
        return null;
    }

    public ObjectNode error(JsonNode id, JsonRpcError error) {
        ObjectNode response = envelope(id);
        ObjectNode body = response.putObject("error");
        body.put("code", error.code());
        body.put("message", error.message());
        if (error.data() != null) {
            body.set("data", error.data());
        }
        return response;
    }

    public byte[] toBytes(JsonNode response) {
        try {
            return McpJson.mapper().writeValueAsBytes(response);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- methods ------------------------------------------------------------------------

    private ObjectNode initialize(JsonNode params) {
        String requested = params == null ? null : params.path("protocolVersion").asText(null);
        ObjectNode result = McpJson.mapper().createObjectNode();
        result.put("protocolVersion", ProtocolVersions.negotiate(requested));
        ObjectNode capabilities = result.putObject("capabilities");
        capabilities.putObject("tools").put("listChanged", false);
        ObjectNode resources = capabilities.putObject("resources");
        resources.put("subscribe", false);
        resources.put("listChanged", false);
        ObjectNode info = result.putObject("serverInfo");
        info.put("name", SERVER_NAME);
        info.put("title", SERVER_TITLE);
        info.put("version", Version.current());
        return result;
    }

    private ObjectNode callTool(JsonNode params, ToolCallContext context) {
        if (params == null) {
            throw new JsonRpcException(JsonRpcError.invalidParams("params.name is required"));
        }
        JsonNode nameNode = params.get("name");
        if (nameNode == null || !nameNode.isTextual()) {
            throw new JsonRpcException(JsonRpcError.invalidParams("params.name must be a string"));
        }
        String name = nameNode.asText();
        McpTool tool = registry.tool(name);
        if (tool == null) {
            throw new JsonRpcException(JsonRpcError.invalidParams("Unknown tool: " + name));
        }
        JsonNode argumentsNode = params.get("arguments");
        ObjectNode arguments;
        if (argumentsNode == null || argumentsNode.isNull()) {
            arguments = McpJson.mapper().createObjectNode();
        } else if (argumentsNode.isObject()) {
            arguments = (ObjectNode) argumentsNode;
        } else {
            throw new JsonRpcException(JsonRpcError.invalidParams("params.arguments must be an object"));
        }
        String problem = ArgumentCheck.problem(tool.inputSchema(), arguments);
        if (problem != null) {
            return toolResult(ToolResult.error(problem));
        }
        ToolResult outcome;
        try {
            outcome = tool.call(context, arguments);
        } catch (ToolFailure e) {
            outcome = ToolResult.error(e.getMessage());
        } catch (RuntimeException e) {
            // A bug in a tool: the model gets a neutral message, the log gets the class, never the data.
            LOG.warn("Tool {} failed: {}", name, e.getClass().getName());
            LOG.debug("Tool failure details", withoutMessages(e));
            outcome = ToolResult.error("The tool " + name + " failed with an internal error.");
        }
        if (outcome == null) {
            outcome = ToolResult.error("The tool " + name + " returned no result.");
        }
        return toolResult(outcome);
    }

    private static ObjectNode toolResult(ToolResult outcome) {
        ObjectNode result = McpJson.mapper().createObjectNode();
        ArrayNode content = result.putArray("content");
        for (String text : outcome.texts()) {
            ObjectNode item = content.addObject();
            item.put("type", "text");
            item.put("text", text);
        }
        result.put("isError", outcome.isError());
        return result;
    }

    private ObjectNode readResource(JsonNode params, ToolCallContext context) {
        JsonNode uriNode = params == null ? null : params.get("uri");
        if (uriNode == null || !uriNode.isTextual()) {
            throw new JsonRpcException(JsonRpcError.invalidParams("params.uri must be a string"));
        }
        McpResource resource = registry.resource(uriNode.asText());
        if (resource == null) {
            throw new JsonRpcException(new JsonRpcError(JsonRpcError.RESOURCE_NOT_FOUND, "Resource not found",
                    McpJson.mapper().getNodeFactory().textNode(uriNode.asText())));
        }
        String text;
        try {
            text = resource.read(context);
        } catch (ToolFailure e) {
            throw new JsonRpcException(new JsonRpcError(JsonRpcError.INTERNAL_ERROR, "Resource unavailable",
                    McpJson.mapper().getNodeFactory().textNode(e.getMessage())));
        }
        ObjectNode result = McpJson.mapper().createObjectNode();
        ObjectNode item = result.putArray("contents").addObject();
        item.put("uri", resource.uri());
        item.put("mimeType", resource.mimeType());
        item.put("text", text);
        return result;
    }

    /**
     * The stack of {@code e} without its messages: an exception message can carry a JDBC URL or
     * a password, and logs must never hold one. Classes and frames are enough to find the bug.
     */
    static Throwable withoutMessages(Throwable e) {
        Throwable copy = new Throwable(e.getClass().getName());
        copy.setStackTrace(e.getStackTrace());
        if (e.getCause() != null && e.getCause() != e) {
            copy.initCause(withoutMessages(e.getCause()));
        }
        return copy;
    }

    // ---- envelopes ----------------------------------------------------------------------

    private static ObjectNode envelope(JsonNode id) {
        ObjectNode response = McpJson.mapper().createObjectNode();
        response.put("jsonrpc", "2.0");
        response.set("id", id == null ? NullNode.getInstance() : id);
        return response;
    }

    public static ObjectNode result(JsonNode id, JsonNode result) {
        ObjectNode response = envelope(id);
        response.set("result", result);
        return response;
    }

    private static ObjectNode rawResult(JsonNode id, RawValue result) {
        ObjectNode response = envelope(id);
        response.putRawValue("result", result);
        return response;
    }
}
