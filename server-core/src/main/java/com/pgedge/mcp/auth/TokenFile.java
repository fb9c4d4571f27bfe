package com.pgedge.mcp.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The token file format (SPEC §1.1) and its parsed, immutable content. The content carries
 * the hash index used by {@link AuthService#checkBearer}, so that swapping one reference swaps
 * the records and the index together.
 */
final class TokenFile implements CredentialFile.Codec<TokenFile.Content> {

    static final TokenFile CODEC = new TokenFile();

    private static final Set<String> KNOWN = Set.of("hash", "expires_at", "annotation", "created_at", "database");

    /** One token plus the fields of its entry that we do not know, kept for the next rewrite. */
    /** @param extra unknown fields of the entry, or {@code null} when there are none */
    record Entry(TokenRecord record, ObjectNode extra) {
    }

    /**
     * @param tokens   every token in the file, by id (sorted)
     * @param extra    unknown top-level keys, kept for the next rewrite
     * @param byHash   the lookup index: hash to record, without tokens dropped by the expiry cleanup
     */
    record Content(SortedMap<String, Entry> tokens, ObjectNode extra, Map<String, TokenRecord> byHash) {

        static Content of(SortedMap<String, Entry> tokens, ObjectNode extra) {
            Map<String, TokenRecord> index = new HashMap<>(Math.max(16, tokens.size() * 4 / 3 + 1));
            for (Entry e : tokens.values()) {
                index.putIfAbsent(e.record().hash(), e.record());
            }
            return new Content(Collections.unmodifiableSortedMap(tokens), extra, Collections.unmodifiableMap(index));
        }

        /** A copy of the token map to edit. */
        TreeMap<String, Entry> editable() {
            return new TreeMap<>(tokens);
        }

        /** This content plus a new token. */
        Content with(TokenRecord record) {
            TreeMap<String, Entry> map = editable();
            map.put(record.id(), new Entry(record, null));
            return of(map, extra);
        }

        /** This content without the token {@code id}. */
        Content without(String id) {
            TreeMap<String, Entry> map = editable();
            map.remove(id);
            return of(map, extra);
        }

        /** {@code token-<unix seconds>}, or with {@code -2}, {@code -3}... when that id is taken. */
        String nextId(Instant now) {
            String base = "token-" + now.getEpochSecond();
            if (!tokens.containsKey(base)) {
                return base;
            }
            for (int n = 2; ; n++) {
                String id = base + "-" + n;
                if (!tokens.containsKey(id)) {
                    return id;
                }
            }
        }

        /**
         * The token with this id, or else the one token whose hash starts with this prefix of at
         * least 8 characters.
         *
         * @throws AuthException when nothing matches, or when the prefix matches several tokens
         *                       (the message lists their ids)
         */
        TokenRecord find(String idOrHashPrefix) {
            Entry byId = tokens.get(idOrHashPrefix);
            if (byId != null) {
                return byId.record();
            }
            String shown = Timestamps.abbreviate(idOrHashPrefix);
            if (idOrHashPrefix.length() < 8) {
                throw new AuthException("No token with id '" + shown + "' (a hash prefix needs at least 8 characters)");
            }
            String prefix = idOrHashPrefix.toLowerCase(java.util.Locale.ROOT);
            java.util.List<TokenRecord> matches = new java.util.ArrayList<>();
            for (Entry e : tokens.values()) {
                if (e.record().hash().startsWith(prefix)) {
                    matches.add(e.record());
                }
            }
            if (matches.isEmpty()) {
                throw new AuthException("No token with id or hash prefix '" + shown + "'");
            }
            if (matches.size() > 1) {
                StringBuilder ids = new StringBuilder();
                for (TokenRecord r : matches) {
                    ids.append(ids.length() == 0 ? "" : ", ").append(r.id());
                }
                throw new AuthException("Hash prefix '" + shown + "' matches " + matches.size()
                        + " tokens (" + ids + "); give a longer prefix or the token id");
            }
            return matches.get(0);
        }

        /** The same file content, with the expired tokens left out of the lookup index. */
        Content withoutExpired(Instant now) {
            Map<String, TokenRecord> index = new HashMap<>(byHash);
            index.values().removeIf(r -> r.isExpired(now));
            return new Content(tokens, extra, Collections.unmodifiableMap(index));
        }
    }

    @Override
    public Content empty() {
        return Content.of(new TreeMap<>(), com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode());
    }

    @Override
    public Content parse(byte[] bytes) {
        TreeMap<String, Entry> tokens = new TreeMap<>();
        ObjectNode root = CredentialYaml.readSection(bytes, "tokens",
                (id, value) -> tokens.put(id, entry(id, value)) == null, tokens::clear);
        FileFields.section(root, "tokens"); // the section itself must be a mapping (or empty)
        // Only the other top-level keys: copying the whole tree would double the cost of a big file.
        ObjectNode extra = root.objectNode();
        root.properties().forEach(e -> {
            if (!e.getKey().equals("tokens")) {
                extra.set(e.getKey(), e.getValue());
            }
        });
        return Content.of(tokens, extra);
    }

    private static Entry entry(String id, JsonNode value) {
        ObjectNode node = FileFields.entry("token", id, value);
        FileFields f = new FileFields(node, "token '" + Timestamps.abbreviate(id) + "'");
        String hash = f.text("hash");
        if (hash == null || hash.isBlank()) {
            throw new IllegalArgumentException("token '" + Timestamps.abbreviate(id) + "' has no hash");
        }
        String database = f.text("database");
        TokenRecord record = new TokenRecord(id, hash.trim().toLowerCase(java.util.Locale.ROOT),
                f.instant("expires_at"), f.text("annotation"), f.instant("created_at"),
                database == null || database.isEmpty() ? null : database);
        return new Entry(record, f.unknown(KNOWN));
    }

    @Override
    public byte[] render(Content content) {
        ObjectNode root = content.extra().deepCopy();
        ObjectNode section = root.putObject("tokens");
        for (Entry e : content.tokens().values()) {
            TokenRecord r = e.record();
            ObjectNode node = e.extra() == null ? com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode() : e.extra().deepCopy();
            node.put("hash", r.hash());
            if (r.expiresAt() == null) {
                node.putNull("expires_at");
            } else {
                node.put("expires_at", Timestamps.format(r.expiresAt()));
            }
            node.put("annotation", r.annotation());
            if (r.createdAt() != null) {
                node.put("created_at", Timestamps.format(r.createdAt()));
            }
            if (r.database() != null) {
                node.put("database", r.database());
            }
            section.set(r.id(), node);
        }
        return CredentialYaml.write(root);
    }
}
