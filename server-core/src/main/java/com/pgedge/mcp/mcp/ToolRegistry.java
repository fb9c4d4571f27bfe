package com.pgedge.mcp.mcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The tools and resources a server offers: immutable once built, listed in registration order,
 * so {@code tools/list} is the same every time. The {@code tools/list} and {@code resources/list}
 * answers are rendered once here, not per request.
 */
public final class ToolRegistry {

    /** Handled by the HTTP transport itself; no registered tool may take the name. */
    public static final String AUTHENTICATE_USER = "authenticate_user";

    private static final Pattern TOOL_NAME = Pattern.compile("[A-Za-z0-9_.-]{1,128}");

    private final Map<String, McpTool> tools;
    private final Map<String, McpResource> resources;
    private final String toolsListJson;
    private final String resourcesListJson;

    private ToolRegistry(Map<String, McpTool> tools, Map<String, McpResource> resources) {
        this.tools = Collections.unmodifiableMap(tools);
        this.resources = Collections.unmodifiableMap(resources);
        this.toolsListJson = renderToolsList();
        this.resourcesListJson = renderResourcesList();
    }

    public static Builder builder() {
        return new Builder();
    }

    public static ToolRegistry empty() {
        return builder().build();
    }

    public List<McpTool> tools() {
        return List.copyOf(tools.values());
    }

    public List<McpResource> resources() {
        return List.copyOf(resources.values());
    }

    /** The tool with that name, or {@code null}. */
    public McpTool tool(String name) {
        return tools.get(name);
    }

    /** The resource with that URI, or {@code null}. */
    public McpResource resource(String uri) {
        return resources.get(uri);
    }

    /** The {@code result} object of {@code tools/list}, as JSON text. */
    String toolsListJson() {
        return toolsListJson;
    }

    /** The {@code result} object of {@code resources/list}, as JSON text. */
    String resourcesListJson() {
        return resourcesListJson;
    }

    private String renderToolsList() {
        ObjectNode result = McpJson.mapper().createObjectNode();
        ArrayNode list = result.putArray("tools");
        for (McpTool tool : tools.values()) {
            ObjectNode entry = list.addObject();
            entry.put("name", tool.name());
            entry.put("description", tool.description());
            entry.set("inputSchema", tool.inputSchema());
            ObjectNode annotations = tool.annotations();
            if (annotations != null) {
                entry.set("annotations", annotations);
            }
        }
        return write(result);
    }

    private String renderResourcesList() {
        ObjectNode result = McpJson.mapper().createObjectNode();
        ArrayNode list = result.putArray("resources");
        for (McpResource resource : resources.values()) {
            ObjectNode entry = list.addObject();
            entry.put("uri", resource.uri());
            entry.put("name", resource.name());
            entry.put("description", resource.description());
            entry.put("mimeType", resource.mimeType());
        }
        return write(result);
    }

    private static String write(ObjectNode node) {
        try {
            return McpJson.mapper().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render the tool list", e);
        }
    }

    /** Collects tools and resources; rejects duplicates and bad names at build time, not at call time. */
    public static final class Builder {
        private final Map<String, McpTool> tools = new LinkedHashMap<>();
        private final Map<String, McpResource> resources = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder tool(McpTool tool) {
            Objects.requireNonNull(tool, "tool");
            String name = tool.name();
            if (name == null || !TOOL_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("invalid tool name: " + name);
            }
            if (AUTHENTICATE_USER.equals(name)) {
                throw new IllegalArgumentException(AUTHENTICATE_USER + " is reserved for the HTTP transport");
            }
            ObjectNode schema = tool.inputSchema();
            if (schema == null || !"object".equals(schema.path("type").asText())) {
                throw new IllegalArgumentException("tool " + name + ": inputSchema must have \"type\": \"object\"");
            }
            if (tools.putIfAbsent(name, tool) != null) {
                throw new IllegalArgumentException("duplicate tool name: " + name);
            }
            return this;
        }

        public Builder tools(Iterable<? extends McpTool> all) {
            all.forEach(this::tool);
            return this;
        }

        public Builder resource(McpResource resource) {
            Objects.requireNonNull(resource, "resource");
            if (resource.uri() == null || resource.uri().isBlank()) {
                throw new IllegalArgumentException("resource without uri");
            }
            if (resources.putIfAbsent(resource.uri(), resource) != null) {
                throw new IllegalArgumentException("duplicate resource uri: " + resource.uri());
            }
            return this;
        }

        public Builder resources(Iterable<? extends McpResource> all) {
            all.forEach(this::resource);
            return this;
        }

        public ToolRegistry build() {
            return new ToolRegistry(new LinkedHashMap<>(tools), new LinkedHashMap<>(resources));
        }
    }

    @Override
    public String toString() {
        return "ToolRegistry" + new ArrayList<>(tools.keySet());
    }
}
