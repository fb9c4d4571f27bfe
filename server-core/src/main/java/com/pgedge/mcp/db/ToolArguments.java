package com.pgedge.mcp.db;

import com.fasterxml.jackson.databind.JsonNode;
import com.pgedge.mcp.mcp.ToolFailure;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a tool's {@code arguments} object strictly: unknown names and wrong types are reported
 * with a message the model can act on. Numbers and booleans sent as strings are accepted, since
 * some clients send every argument as a string.
 */
final class ToolArguments {

    private final JsonNode node;

    ToolArguments(JsonNode arguments, Set<String> allowed) {
        if (arguments == null || arguments.isNull() || arguments.isMissingNode()) {
            this.node = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
            return;
        }
        if (!arguments.isObject()) {
            throw new ToolFailure("Arguments must be a JSON object");
        }
        for (Iterator<String> it = arguments.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!allowed.contains(name)) {
                throw new ToolFailure("Unknown argument '" + name + "'; this tool accepts: "
                        + String.join(", ", allowed.stream().sorted().toList()));
            }
        }
        this.node = arguments;
    }

    String requiredString(String name) {
        String value = optionalString(name);
        if (value == null || value.isBlank()) {
            throw new ToolFailure("Missing required argument '" + name + "'");
        }
        return value;
    }

    /** The string value, or {@code null} when absent, null or empty. */
    String optionalString(String name) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new ToolFailure("Argument '" + name + "' must be a string");
        }
        return v.asText().isEmpty() ? null : v.asText();
    }

    int integer(String name, int defaultValue, int min, int max) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            return defaultValue;
        }
        long value;
        if (v.isIntegralNumber() && v.canConvertToLong()) {
            value = v.asLong();
        } else if (v.isTextual() && v.asText().trim().matches("-?\\d{1,18}")) {
            value = Long.parseLong(v.asText().trim());
        } else if (v.isNumber() && v.asDouble() == Math.rint(v.asDouble()) && Math.abs(v.asDouble()) < 1e15) {
            value = (long) v.asDouble();
        } else {
            throw new ToolFailure("Argument '" + name + "' must be a whole number");
        }
        if (value < min || value > max) {
            throw new ToolFailure("Argument '" + name + "' must be between " + min + " and " + max + " (got " + value + ")");
        }
        return (int) value;
    }

    boolean bool(String name, boolean defaultValue) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            return defaultValue;
        }
        if (v.isBoolean()) {
            return v.asBoolean();
        }
        if (v.isTextual()) {
            String s = v.asText().trim().toLowerCase(Locale.ROOT);
            if (s.equals("true")) {
                return true;
            }
            if (s.equals("false")) {
                return false;
            }
        }
        throw new ToolFailure("Argument '" + name + "' must be true or false");
    }

    String choice(String name, String defaultValue, Set<String> choices) {
        String v = optionalString(name);
        if (v == null) {
            return defaultValue;
        }
        String lower = v.toLowerCase(Locale.ROOT);
        if (!choices.contains(lower)) {
            throw new ToolFailure("Argument '" + name + "' must be one of " + String.join(", ",
                    choices.stream().sorted().toList()) + " (got '" + v + "')");
        }
        return lower;
    }
}
