package com.pgedge.mcp.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One mapping of the configuration file, read with its dotted path ({@code http.auth}) so that
 * every error and warning can say exactly which key is at fault. Keys that are read are
 * remembered; {@link #warnUnread} reports the rest as unknown, because the reference's files
 * carry sections this server does not have (LLM, embeddings...) and must still load.
 */
final class YamlSection {

    private final JsonNode node;
    private final String path;
    private final String file;
    private final Set<String> read = new LinkedHashSet<>();

    private YamlSection(JsonNode node, String path, String file) {
        this.node = node;
        this.path = path;
        this.file = file;
    }

    /** The document root; an empty document is an empty mapping. */
    static YamlSection root(JsonNode root, String file) {
        if (root.isMissingNode() || root.isNull()) {
            return new YamlSection(com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode(), "", file);
        }
        if (!root.isObject()) {
            throw new ConfigException("configuration file " + file
                    + ": the top level must be a mapping of keys (http:, databases:), not a "
                    + kind(root));
        }
        return new YamlSection(root, "", file);
    }

    String keyPath(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** For messages: {@code http.auth.enabled in /etc/x.yaml}. */
    String where(String key) {
        return keyPath(key) + " in " + file;
    }

    /** For messages about one item of a list; a one-item list is named like a single value. */
    String whereItem(String key, int index, int size) {
        return size == 1 ? where(key) : keyPath(key) + "[" + index + "] in " + file;
    }

    /** The nested mapping, or {@code null} when the key is absent or null. */
    YamlSection section(String key) {
        JsonNode v = value(key);
        if (v == null) {
            return null;
        }
        if (!v.isObject()) {
            throw new ConfigException(where(key) + ": expected a mapping of keys, got a " + kind(v));
        }
        return new YamlSection(v, keyPath(key), file);
    }

    /** Every mapping in a list, or an empty list when the key is absent or null. */
    List<YamlSection> sectionList(String key) {
        JsonNode v = value(key);
        if (v == null) {
            return List.of();
        }
        if (!v.isArray()) {
            throw new ConfigException(where(key) + ": expected a list (- name: ...), got a " + kind(v));
        }
        List<YamlSection> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            JsonNode item = v.get(i);
            String itemPath = keyPath(key) + "[" + i + "]";
            if (!item.isObject()) {
                throw new ConfigException(itemPath + " in " + file + ": expected a mapping of keys, got a "
                        + kind(item));
            }
            out.add(new YamlSection(item, itemPath, file));
        }
        return out;
    }

    /** A scalar as text; {@code null} when absent, null or empty. */
    String string(String key) {
        JsonNode v = value(key);
        if (v == null) {
            return null;
        }
        if (!v.isValueNode()) {
            throw new ConfigException(where(key) + ": expected a single value, got a " + kind(v));
        }
        String s = v.asText();
        return s.isEmpty() ? null : s;
    }

    /** A secret scalar: like {@link #string} but the value never appears in a message. */
    String secret(String key) {
        JsonNode v = value(key);
        if (v == null) {
            return null;
        }
        if (!v.isValueNode()) {
            throw new ConfigException(where(key) + ": expected a single value");
        }
        return v.asText();
    }

    Boolean bool(String key) {
        JsonNode v = value(key);
        if (v == null) {
            return null;
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        if (!v.isValueNode()) {
            throw new ConfigException(where(key) + ": " + StrictBoolean.EXPECTED + ", got a " + kind(v));
        }
        return StrictBoolean.parse(v.asText(), where(key));
    }

    /** An integer within {@code [min, max]}; quoted digits are accepted. */
    Integer integer(String key, int min, int max) {
        JsonNode v = value(key);
        if (v == null) {
            return null;
        }
        if (!v.isValueNode()) {
            throw new ConfigException(where(key) + ": expected a whole number, got a " + kind(v));
        }
        return Numbers.parseInt(v.asText(), min, max, where(key));
    }

    /** A list of strings; a single string is taken as a one-element list. */
    List<String> stringList(String key) {
        JsonNode v = value(key);
        if (v == null) {
            return null;
        }
        if (v.isValueNode()) {
            String s = v.asText().trim();
            return s.isEmpty() ? List.of() : List.of(s);
        }
        if (!v.isArray()) {
            throw new ConfigException(where(key) + ": expected a list of values, got a " + kind(v));
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            JsonNode item = v.get(i);
            if (!item.isValueNode() || item.isNull()) {
                throw new ConfigException(keyPath(key) + "[" + i + "] in " + file + ": expected a single value");
            }
            out.add(item.asText().trim());
        }
        return out;
    }

    /** Marks a key as known although it is deliberately not used (so it draws no warning). */
    void ignore(String key) {
        read.add(key);
    }

    /** Reports every key of this mapping that nothing asked for. */
    void warnUnread(Consumer<String> warnings) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!read.contains(key)) {
                warnings.accept("unknown or unsupported key " + keyPath(key) + " in " + file + " (ignored)");
            }
        }
    }

    private JsonNode value(String key) {
        read.add(key);
        JsonNode v = node.get(key);
        // "key:" with nothing after it reads as an empty string: the same as leaving it out.
        return v == null || v.isNull() || v.isMissingNode() || (v.isTextual() && v.asText().isEmpty()) ? null : v;
    }

    private static String kind(JsonNode v) {
        if (v.isObject()) {
            return "mapping";
        }
        if (v.isArray()) {
            return "list";
        }
        return "single value";
    }
}
