package com.pgedge.mcp.mcp;

/** One MCP resource, read by URI (e.g. {@code pg://system_info}). May block. */
public interface McpResource {

    String uri();

    String name();

    String description();

    default String mimeType() {
        return "application/json";
    }

    /**
     * Returns the resource's text.
     *
     * @throws ToolFailure when it cannot be read; the message is shown to the client
     */
    String read(ToolCallContext context);
}
