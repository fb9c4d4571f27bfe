package com.pgedge.mcp.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One MCP tool. Implementations are transport-free and may block (JDBC): the HTTP layer calls
 * them on a worker thread, never on an I/O thread.
 */
public interface McpTool {

    /** The tool name as clients call it, e.g. {@code query_database}. */
    String name();

    /** What the tool does, written for a language model deciding whether to call it. */
    String description();

    /** JSON Schema of the {@code arguments} object ({@code "type": "object"}, properties, required). */
    ObjectNode inputSchema();

    /** MCP tool annotations ({@code readOnlyHint}, ...), or {@code null} for none. */
    default ObjectNode annotations() {
        return null;
    }

    /**
     * Runs the tool. Problems the caller can fix (bad SQL, a missing argument, a database this
     * token may not reach) are returned as {@link ToolResult#error}, never thrown.
     */
    ToolResult call(ToolCallContext context, JsonNode arguments);
}
