package com.pgedge.mcp.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.function.BiPredicate;
import java.util.regex.Pattern;

/**
 * A fast reader for the one layout that this product and the reference server write: block
 * mappings three levels deep, indented by four spaces, with plain, quoted or empty-mapping
 * values, for example
 * <pre>
 * tokens:
 *     token-1766503601:
 *         hash: e99f...
 *         expires_at: null
 * </pre>
 * SnakeYAML needs seconds for a 100 000-token file; this needs a small fraction of that, which
 * is what keeps a reload under the 500 ms target (SPEC §9).
 *
 * <p>It accepts a strict subset of YAML and answers {@code null} for anything else (comments at
 * the end of a line, flow collections, anchors, aliases, tags, block scalars, other indentation,
 * tabs, escapes in quotes, duplicate keys, numbers in unusual notations...), and the caller then
 * reads the file with the full safe loader. So a file is never read differently: only faster.
 */
final class PlainBlockYaml {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Plain scalars that YAML could read as a number other than a simple decimal integer. */
    private static final Pattern NUMBER_LIKE = Pattern.compile("[-+]?(0[xX][0-9a-fA-F_]+|0[oO][0-7_]+|0[bB][01_]+"
            + "|[0-9_]*\\.?[0-9_]*([eE][-+]?[0-9_]+)?|[0-9][0-9_]*(:[0-5]?[0-9])+(\\.[0-9_]*)?"
            + "|\\.(inf|Inf|INF|nan|NaN|NAN))");
    private static final Pattern SIMPLE_INT = Pattern.compile("-?(0|[1-9][0-9]{0,17})");

    private PlainBlockYaml() {
    }

    /** The tree, or {@code null} when the content is not in the plain layout. */
    static ObjectNode tryRead(byte[] bytes) {
        return tryRead(bytes, null, null);
    }

    /**
     * Like {@link #tryRead(byte[])}, but the entries of the top-level mapping {@code section}
     * are handed to {@code sink} one by one as soon as each is complete, instead of being kept
     * in the tree (which then holds an empty mapping for the section). Only one entry is alive
     * at a time, so a 100 000-token file does not build, and make the garbage collector copy, a
     * 100 000-entry tree that is thrown away right after.
     *
     * @param sink takes (entry key, entry value); returns {@code false} for a duplicate key,
     *             which makes this method decline. It may throw {@link IllegalArgumentException}
     *             for an invalid entry; that propagates.
     * @return the rest of the tree, or {@code null} when the content is not in the plain
     *         layout; entries already given to the sink must then be discarded
     */
    static ObjectNode tryRead(byte[] bytes, String section, BiPredicate<String, JsonNode> sink) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        ObjectNode root = NODES.objectNode();
        ObjectNode level1 = null;
        ObjectNode level2 = null;
        String pendingKey0 = null;
        String pendingKey1 = null;
        boolean streaming = false;
        int pos = 0;
        int length = text.length();
        while (pos < length) {
            int end = text.indexOf('\n', pos);
            if (end < 0) {
                end = length;
            }
            int lineStart = pos;
            pos = end + 1;
            // Work on indices: a 100 000-token file has half a million lines, and three
            // substrings per line were most of the garbage of a reload.
            int first = lineStart;
            while (first < end && text.charAt(first) == ' ') {
                first++;
            }
            if (first == end) {
                continue;
            }
            if (text.charAt(first) == '#') {
                continue;
            }
            for (int k = first; k < end; k++) {
                char ch = text.charAt(k);
                if (ch == '\t' || ch == '\r') {
                    return null;
                }
            }
            int indent = first - lineStart;
            if (indent % 4 != 0 || indent > 8) {
                return null;
            }
            int level = indent / 4;
            int colon = keyEnd(text, first, end);
            if (colon < 0) {
                return null;
            }
            String key = key(text, first, colon);
            if (key == null) {
                return null;
            }
            int valueStart = colon + 1;
            int valueEnd = end;
            while (valueEnd > valueStart && text.charAt(valueEnd - 1) == ' ') {
                valueEnd--;
            }
            JsonNode value;
            boolean opensMapping = valueEnd == valueStart;
            if (opensMapping) {
                value = null;
            } else {
                if (text.charAt(valueStart) != ' ') {
                    return null;
                }
                while (text.charAt(valueStart) == ' ') {
                    valueStart++;
                }
                value = scalar(text.substring(valueStart, valueEnd));
                if (value == null) {
                    return null;
                }
            }
            ObjectNode parent;
            switch (level) {
                case 0 -> {
                    if (streaming && !flush(level1, pendingKey1, level2, sink)) {
                        return null;
                    }
                    closePending(root, pendingKey0, level1);
                    parent = root;
                    pendingKey0 = null;
                    level1 = null;
                    level2 = null;
                    pendingKey1 = null;
                    streaming = false;
                }
                case 1 -> {
                    if (pendingKey0 == null) {
                        return null;
                    }
                    if (level1 == null) {
                        level1 = NODES.objectNode();
                        root.set(pendingKey0, level1);
                        streaming = sink != null && pendingKey0.equals(section);
                    }
                    if (streaming) {
                        if (!flush(level1, pendingKey1, level2, sink)) {
                            return null;
                        }
                    } else {
                        closePending(level1, pendingKey1, level2);
                    }
                    parent = level1;
                    pendingKey1 = null;
                    level2 = null;
                }
                default -> {
                    if (pendingKey1 == null) {
                        return null;
                    }
                    if (level2 == null) {
                        // Entries have a handful of fields: a small map keeps them cheap.
                        level2 = new ObjectNode(NODES, new java.util.LinkedHashMap<>(8));
                        level1.set(pendingKey1, level2);
                    }
                    parent = level2;
                    if (opensMapping) {
                        return null; // a fourth level: leave it to the full loader
                    }
                }
            }
            // A key that opens a mapping is reserved with null until its lines come, so that a
            // later duplicate is seen; any duplicate goes to the full loader, which reports it.
            if (parent.replace(key, opensMapping ? NODES.nullNode() : value) != null) {
                return null;
            }
            if (opensMapping) {
                if (level == 0) {
                    pendingKey0 = key;
                } else if (level == 1) {
                    pendingKey1 = key;
                }
            } else if (streaming && level == 1) {
                level1.remove(key);
                if (!sink.test(key, value)) {
                    return null;
                }
            }
        }
        if (streaming) {
            if (!flush(level1, pendingKey1, level2, sink)) {
                return null;
            }
        } else if (level1 != null) {
            closePending(level1, pendingKey1, level2);
        }
        closePending(root, pendingKey0, level1);
        return root;
    }

    /** Hands a finished entry of the streamed section to the sink and forgets it. */
    private static boolean flush(ObjectNode section, String key, ObjectNode entry, BiPredicate<String, JsonNode> sink) {
        if (key == null) {
            return true;
        }
        section.remove(key);
        return sink.test(key, entry == null ? NODES.textNode("") : entry);
    }

    /** A key that opened a mapping but got no nested lines is an empty value, as YAML reads it. */
    private static void closePending(ObjectNode parent, String key, ObjectNode nested) {
        if (key != null && nested == null) {
            parent.set(key, NODES.textNode(""));
        }
    }

    /** Index of the ':' ending the key in {@code [from, end)}, or -1. */
    private static int keyEnd(String text, int from, int end) {
        char first = text.charAt(from);
        if (first == '"' || first == '\'') {
            int close = text.indexOf(first, from + 1);
            if (close < 0 || close + 1 >= end || text.charAt(close + 1) != ':') {
                return -1;
            }
            return close + 1;
        }
        int i = text.indexOf(':', from);
        while (i >= 0 && i < end && i + 1 < end && text.charAt(i + 1) != ' ') {
            i = text.indexOf(':', i + 1);
        }
        return i >= 0 && i < end ? i : -1;
    }

    private static String key(String raw) {
        if (raw.isEmpty()) {
            return null;
        }
        char first = raw.charAt(0);
        if (first == '"' || first == '\'') {
            JsonNode quoted = quoted(raw);
            return quoted == null ? null : quoted.asText();
        }
        if (!isSafePlain(raw) || !raw.equals(raw.strip())) {
            return null;
        }
        return raw;
    }

    /** The field names every entry repeats, shared instead of one string per line. */
    private static final String[] COMMON_KEYS = {"hash", "expires_at", "annotation", "created_at", "database",
        "username", "password_hash", "last_login", "enabled", "failed_attempts"};

    private static String key(String line, int from, int to) {
        int n = to - from;
        for (String k : COMMON_KEYS) {
            if (k.length() == n && line.startsWith(k, from)) {
                return k;
            }
        }
        return key(line.substring(from, to));
    }

    /** A scalar value, or {@code null} when it is outside the plain layout. */
    private static JsonNode scalar(String raw) {
        char first = raw.charAt(0);
        if (first == '"' || first == '\'') {
            return quoted(raw);
        }
        if (raw.equals("{}")) {
            return NODES.objectNode();
        }
        if (!isSafePlain(raw)) {
            return null;
        }
        switch (raw) {
            case "null", "Null", "NULL", "~":
                return NODES.nullNode();
            case "true", "True", "TRUE":
                return NODES.booleanNode(true);
            case "false", "False", "FALSE":
                return NODES.booleanNode(false);
            default:
                break;
        }
        char c0 = raw.charAt(0);
        boolean digitStart = c0 >= '0' && c0 <= '9';
        if (!digitStart && c0 != '-' && c0 != '+' && c0 != '.') {
            if (c0 == 'y' || c0 == 'Y' || c0 == 'n' || c0 == 'N' || c0 == 'o' || c0 == 'O') {
                return yaml11Boolean(raw) ? null : NODES.textNode(raw);
            }
            return NODES.textNode(raw);
        }
        if (isTimestampLike(raw)) {
            return NODES.textNode(raw);
        }
        if (SIMPLE_INT.matcher(raw).matches()) {
            long v = Long.parseLong(raw);
            return v == (int) v ? NODES.numberNode((int) v) : NODES.numberNode(v);
        }
        if (NUMBER_LIKE.matcher(raw).matches()) {
            return null; // octal, hex, floats, sexagesimal...: let the full loader decide
        }
        return NODES.textNode(raw);
    }

    /** YAML 1.1 booleans: read them exactly as the full loader does. */
    private static boolean yaml11Boolean(String raw) {
        switch (raw) {
            case "yes", "Yes", "YES", "no", "No", "NO", "on", "On", "ON", "off", "Off", "OFF", "y", "Y", "n", "N":
                return true;
            default:
                return false;
        }
    }

    private static boolean isTimestampLike(String s) {
        return s.length() >= 10 && s.charAt(4) == '-' && s.charAt(7) == '-' && Character.isDigit(s.charAt(0))
                && (s.length() == 10 || s.charAt(10) == 'T' || s.charAt(10) == 't');
    }

    /** Plain scalars without indicators, comments or anything that needs the full grammar. */
    private static boolean isSafePlain(String s) {
        char first = s.charAt(0);
        if ("-?:,[]{}#&*!|>'\"%@`".indexOf(first) >= 0 && !(first == '-' && s.length() > 1 && s.charAt(1) != ' ')) {
            return false;
        }
        int n = s.length();
        if (s.charAt(n - 1) == ':') {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f || c == 0xfeff) {
                return false;
            }
            if (c == ' ' && i + 1 < n && (s.charAt(i + 1) == '#')) {
                return false;
            }
            if (c == ':' && i + 1 < n && s.charAt(i + 1) == ' ') {
                return false;
            }
        }
        return true;
    }

    /** A quoted scalar on one line without escapes, or {@code null}. */
    private static JsonNode quoted(String raw) {
        char q = raw.charAt(0);
        if (raw.length() < 2 || raw.charAt(raw.length() - 1) != q) {
            return null;
        }
        String inner = raw.substring(1, raw.length() - 1);
        if (q == '"') {
            if (inner.indexOf('"') >= 0 || inner.indexOf('\\') >= 0) {
                return null;
            }
            return NODES.textNode(inner);
        }
        // Single quotes: '' is the only escape.
        String unescaped = inner.replace("''", "\u0000");
        if (unescaped.indexOf('\'') >= 0) {
            return null;
        }
        return NODES.textNode(unescaped.replace('\u0000', '\''));
    }
}
