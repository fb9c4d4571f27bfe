package com.pgedge.mcp.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/** Typed reads of one entry's fields, with errors that name the entry and the field. */
final class FileFields {

    private final ObjectNode node;
    private final String entry;

    FileFields(ObjectNode node, String entry) {
        this.node = node;
        this.entry = entry;
    }

    /** A scalar as text; {@code null} when absent or null. Lists and mappings are errors. */
    String text(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isContainerNode()) {
            throw wrongType(field, "text", v);
        }
        return v.asText();
    }

    Instant instant(String field) {
        String s = text(field);
        if (s == null || s.isBlank() || s.equals("null") || s.equals("~")) {
            return null;
        }
        try {
            return Timestamps.parse(s);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(entry + ": " + field + ": " + e.getMessage());
        }
    }

    boolean bool(String field, boolean absent) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return absent;
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        if (v.isTextual()) {
            String s = v.asText().trim();
            if (s.equalsIgnoreCase("true")) {
                return true;
            }
            if (s.equalsIgnoreCase("false")) {
                return false;
            }
        }
        throw wrongType(field, "true or false", v);
    }

    int integer(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return 0;
        }
        if (v.canConvertToInt() && v.isIntegralNumber()) {
            return Math.max(0, v.intValue());
        }
        if (v.isTextual()) {
            try {
                return Math.max(0, Integer.parseInt(v.asText().trim()));
            } catch (NumberFormatException ignored) {
                // reported below
            }
        }
        throw wrongType(field, "a whole number", v);
    }

    /**
     * The fields this product does not know, kept so that a rewrite does not drop them;
     * {@code null} when there are none (the usual case: no empty node kept per entry).
     */
    ObjectNode unknown(Set<String> known) {
        if (node.size() <= known.size()) {
            boolean allKnown = true;
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                if (!known.contains(names.next())) {
                    allKnown = false;
                    break;
                }
            }
            if (allKnown) {
                return null;
            }
        }
        ObjectNode extra = node.objectNode();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            if (!known.contains(e.getKey())) {
                extra.set(e.getKey(), e.getValue());
            }
        }
        return extra;
    }

    private IllegalArgumentException wrongType(String field, String expected, JsonNode v) {
        return new IllegalArgumentException(entry + ": " + field + " must be " + expected
                + ", not " + CredentialYaml.describe(v));
    }

    /** The named section of the root as a mapping; empty when absent, null or an empty scalar. */
    static ObjectNode section(ObjectNode root, String name) {
        JsonNode s = root.get(name);
        if (s == null || s.isNull() || (s.isTextual() && s.asText().isBlank())) {
            return root.objectNode();
        }
        if (!s.isObject()) {
            throw new IllegalArgumentException("'" + name + "' must be a mapping, not " + CredentialYaml.describe(s));
        }
        return (ObjectNode) s;
    }

    static ObjectNode entry(String section, String key, JsonNode value) {
        if (value == null || !value.isObject()) {
            throw new IllegalArgumentException(section + " '" + Timestamps.abbreviate(key)
                    + "' must be a mapping, not " + CredentialYaml.describe(value));
        }
        return (ObjectNode) value;
    }
}
