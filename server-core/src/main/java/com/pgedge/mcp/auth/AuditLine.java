package com.pgedge.mcp.auth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** The JSON-lines form of an {@link AuthEvent} (SPEC §8): one object per line, null fields left out. */
final class AuditLine {

    /** Longest free-text value written; attacker-supplied usernames are cut here. */
    static final int MAX_FIELD = 200;

    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(8).maxStringLength(64 * 1024).build())
            .build());

    private AuditLine() {
    }

    static String format(AuthEvent e) {
        ObjectNode o = JSON.createObjectNode();
        o.put("time", e.time().toString());
        o.put("type", e.type().name());
        putIfSet(o, "username", e.username());
        putIfSet(o, "address", e.address());
        putIfSet(o, "subject", e.subject());
        putIfSet(o, "reason", e.reason());
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** The event on one line, or {@code null} when the line is not one of ours. */
    static AuthEvent parse(String line) {
        if (line == null || line.isBlank() || line.length() > 64 * 1024) {
            return null;
        }
        try {
            JsonNode n = JSON.readTree(line);
            if (n == null || !n.isObject() || !n.path("time").isTextual() || !n.path("type").isTextual()) {
                return null;
            }
            return new AuthEvent(Instant.parse(n.get("time").asText()),
                    AuthEventType.valueOf(n.get("type").asText()),
                    text(n, "username"), text(n, "address"), text(n, "subject"), text(n, "reason"));
        } catch (JsonProcessingException | DateTimeParseException | IllegalArgumentException e) {
            return null;
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static void putIfSet(ObjectNode o, String field, String value) {
        if (value != null) {
            o.put(field, value.length() > MAX_FIELD ? value.substring(0, MAX_FIELD) : value);
        }
    }
}
