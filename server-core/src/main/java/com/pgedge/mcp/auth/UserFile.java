package com.pgedge.mcp.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The user file format (SPEC §1.2) and its parsed, immutable content, indexed by the
 * case-folded username so that {@code Alice} and {@code alice} are one account (checklist 27).
 */
final class UserFile implements CredentialFile.Codec<UserFile.Content> {

    static final UserFile CODEC = new UserFile();

    private static final Set<String> KNOWN = Set.of("username", "password_hash", "created_at", "last_login",
            "enabled", "annotation", "failed_attempts");

    /** @param extra unknown fields of the entry, or {@code null} when there are none */
    record Entry(UserRecord record, ObjectNode extra) {
    }

    /**
     * @param users  every user by the name written in the file (sorted)
     * @param extra  unknown top-level keys
     * @param byKey  the same users by {@link #key(String)}
     */
    record Content(SortedMap<String, Entry> users, ObjectNode extra, Map<String, Entry> byKey) {

        static Content of(SortedMap<String, Entry> users, ObjectNode extra) {
            Map<String, Entry> index = new HashMap<>();
            for (Entry e : users.values()) {
                Entry clash = index.putIfAbsent(key(e.record().username()), e);
                if (clash != null) {
                    throw new IllegalArgumentException("users '" + Timestamps.abbreviate(clash.record().username())
                            + "' and '" + Timestamps.abbreviate(e.record().username())
                            + "' differ only by case or spaces; usernames must be unique ignoring case");
                }
            }
            return new Content(Collections.unmodifiableSortedMap(users), extra, Collections.unmodifiableMap(index));
        }

        Entry find(String username) {
            return username == null ? null : byKey.get(key(username));
        }

        TreeMap<String, Entry> editable() {
            return new TreeMap<>(users);
        }

        /** This content with one user's record replaced (its unknown fields kept). */
        Content replace(Entry current, UserRecord next) {
            TreeMap<String, Entry> map = editable();
            map.remove(current.record().username());
            map.put(next.username(), new Entry(next, current.extra()));
            return of(map, extra);
        }
    }

    /** Usernames compare trimmed and case-insensitively. */
    static String key(String username) {
        return username.strip().toLowerCase(Locale.ROOT);
    }

    @Override
    public Content empty() {
        return Content.of(new TreeMap<>(), com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode());
    }

    @Override
    public Content parse(byte[] bytes) {
        TreeMap<String, Entry> users = new TreeMap<>();
        ObjectNode root = CredentialYaml.readSection(bytes, "users", (key, value) -> {
            String name = key.strip();
            if (users.containsKey(name)) {
                if (!name.equals(key)) {
                    throw new IllegalArgumentException("user '" + Timestamps.abbreviate(name)
                            + "' appears twice (names are compared without surrounding spaces)");
                }
                return false;
            }
            users.put(name, entry(name, value));
            return true;
        }, users::clear);
        FileFields.section(root, "users");
        ObjectNode extra = root.objectNode();
        root.properties().forEach(e -> {
            if (!e.getKey().equals("users")) {
                extra.set(e.getKey(), e.getValue());
            }
        });
        return Content.of(users, extra);
    }

    private static Entry entry(String name, JsonNode value) {
        if (name.isEmpty()) {
            throw new IllegalArgumentException("a user has an empty name");
        }
        ObjectNode node = FileFields.entry("user", name, value);
        FileFields f = new FileFields(node, "user '" + Timestamps.abbreviate(name) + "'");
        // Absent "enabled" reads as false, as in the reference: an account is only on when it says so.
        UserRecord record = new UserRecord(name, f.text("password_hash"), f.instant("created_at"),
                f.instant("last_login"), f.bool("enabled", false), f.text("annotation"),
                f.integer("failed_attempts"));
        return new Entry(record, f.unknown(KNOWN));
    }

    @Override
    public byte[] render(Content content) {
        ObjectNode root = content.extra().deepCopy();
        ObjectNode section = root.putObject("users");
        for (Entry e : content.users().values()) {
            UserRecord r = e.record();
            ObjectNode node = e.extra() == null ? com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode() : e.extra().deepCopy();
            node.put("username", r.username());
            node.put("password_hash", r.passwordHash());
            if (r.createdAt() != null) {
                node.put("created_at", Timestamps.format(r.createdAt()));
            }
            if (r.lastLogin() == null) {
                node.putNull("last_login");
            } else {
                node.put("last_login", Timestamps.format(r.lastLogin()));
            }
            node.put("enabled", r.enabled());
            node.put("annotation", r.annotation());
            node.put("failed_attempts", r.failedAttempts());
            section.set(r.username(), node);
        }
        return CredentialYaml.write(root);
    }
}
