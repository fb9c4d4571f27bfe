package com.pgedge.mcp.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Checks tool arguments against the top level of the tool's input schema before the tool runs:
 * required properties, primitive types, enums, and {@code additionalProperties: false}. Deeper
 * checks stay with the tool. The answer is a message a model can act on, not an exception.
 */
final class ArgumentCheck {

    private ArgumentCheck() {
    }

    /** Returns {@code null} when the arguments fit the schema, otherwise what is wrong. */
    static String problem(ObjectNode schema, ObjectNode arguments) {
        JsonNode properties = schema.path("properties");
        for (JsonNode required : schema.path("required")) {
            String name = required.asText();
            JsonNode value = arguments.get(name);
            if (value == null || value.isNull()) {
                return "missing required argument: " + name;
            }
        }
        boolean closed = schema.path("additionalProperties").isBoolean()
                && !schema.path("additionalProperties").asBoolean();
        for (Iterator<Map.Entry<String, JsonNode>> it = arguments.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode property = properties.get(field.getKey());
            if (property == null) {
                if (closed) {
                    return "unknown argument: " + field.getKey();
                }
                continue;
            }
            JsonNode value = field.getValue();
            if (value.isNull()) {
                continue; // an explicit null means "use the default"
            }
            String type = property.path("type").asText("");
            if (!type.isEmpty() && !hasType(value, type)) {
                return "argument " + field.getKey() + " must be " + article(type) + " " + type;
            }
            JsonNode allowed = property.get("enum");
            if (allowed != null && allowed.isArray() && !contains(allowed, value)) {
                return "argument " + field.getKey() + " must be one of " + allowed;
            }
        }
        return null;
    }

    private static boolean hasType(JsonNode value, String type) {
        return switch (type) {
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber()
                    || (value.isFloatingPointNumber() && Double.isFinite(value.asDouble())
                        && value.asDouble() == Math.rint(value.asDouble()));
            case "number" -> value.isNumber() && Double.isFinite(value.asDouble());
            case "boolean" -> value.isBoolean();
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            default -> true;
        };
    }

    private static boolean contains(JsonNode allowed, JsonNode value) {
        for (JsonNode option : allowed) {
            if (option.equals(value)) {
                return true;
            }
        }
        return false;
    }

    private static String article(String type) {
        return type.startsWith("a") || type.startsWith("i") || type.startsWith("o") ? "an" : "a";
    }
}
