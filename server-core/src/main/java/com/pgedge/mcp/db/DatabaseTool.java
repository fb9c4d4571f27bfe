package com.pgedge.mcp.db;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.pgedge.mcp.mcp.McpTool;
import com.pgedge.mcp.mcp.ToolCallContext;
import com.pgedge.mcp.mcp.ToolFailure;
import com.pgedge.mcp.mcp.ToolResult;
import java.util.HashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the database tools share: the optional {@code database} argument (offered only when more
 * than one database is configured), read-only annotations, and the rule that a failure the caller
 * can fix is an {@code isError} result, never an exception.
 */
abstract class DatabaseTool implements McpTool {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseTool.class);
    static final String DATABASE = "database";

    protected final ReadOnlyAccess access;

    DatabaseTool(ReadOnlyAccess access) {
        this.access = access;
    }

    /** The tool's own properties; {@code database} is added by {@link #inputSchema()}. */
    protected abstract ObjectNode properties();

    /** Names of required properties. */
    protected abstract String[] required();

    protected abstract String title();

    protected abstract ToolResult run(ToolCallContext context, ToolArguments arguments);

    @Override
    public final ObjectNode inputSchema() {
        ObjectNode schema = JsonNodeFactory.instance.objectNode();
        schema.put("type", "object");
        ObjectNode props = properties();
        if (access.catalog().hasSeveral()) {
            ObjectNode db = props.putObject(DATABASE);
            db.put("type", "string");
            db.put("description", "Which configured database to use (default: "
                    + access.catalog().names().get(0) + "). A token bound to a database may only use that one.");
            ArrayNode names = db.putArray("enum");
            access.catalog().names().forEach(names::add);
        }
        schema.set("properties", props);
        ArrayNode req = schema.putArray("required");
        for (String r : required()) {
            req.add(r);
        }
        schema.put("additionalProperties", false);
        return schema;
    }

    @Override
    public final ObjectNode annotations() {
        ObjectNode a = JsonNodeFactory.instance.objectNode();
        a.put("title", title());
        a.put("readOnlyHint", true);
        a.put("destructiveHint", false);
        a.put("idempotentHint", true);
        a.put("openWorldHint", false);
        return a;
    }

    @Override
    public final ToolResult call(ToolCallContext context, JsonNode arguments) {
        try {
            Set<String> allowed = new HashSet<>();
            properties().fieldNames().forEachRemaining(allowed::add);
            // Accepted even with one database, so a client may always name it explicitly.
            allowed.add(DATABASE);
            return run(context, new ToolArguments(arguments, allowed));
        } catch (ToolFailure e) {
            return ToolResult.error(e.getMessage());
        } catch (RuntimeException e) {
            // Not the caller's fault and nothing they can fix; keep details in the log only.
            LOG.warn("Tool {} failed unexpectedly: {}", name(), e.toString());
            return ToolResult.error("The tool failed unexpectedly; see the server log");
        }
    }

    protected static ObjectNode newProperties() {
        return JsonNodeFactory.instance.objectNode();
    }

    protected static void stringProperty(ObjectNode props, String name, String description) {
        ObjectNode p = props.putObject(name);
        p.put("type", "string");
        p.put("description", description);
    }
}
