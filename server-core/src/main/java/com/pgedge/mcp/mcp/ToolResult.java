package com.pgedge.mcp.mcp;

import java.util.List;

/**
 * The result of a tool call: text content items, and whether it is an error the model may
 * correct (MCP {@code isError}).
 */
public record ToolResult(List<String> texts, boolean isError) {

    public ToolResult {
        texts = List.copyOf(texts);
    }

    public static ToolResult text(String text) {
        return new ToolResult(List.of(text), false);
    }

    public static ToolResult error(String message) {
        return new ToolResult(List.of(message), true);
    }
}
