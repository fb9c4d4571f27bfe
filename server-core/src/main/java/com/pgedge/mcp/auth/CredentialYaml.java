package com.pgedge.mcp.auth;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.Set;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * The one YAML reader and writer for credential files (SPEC §1): a safe loader and a writer
 * whose output the reference server reads.
 *
 * <p>Jackson drives SnakeYAML's event parser, not its composer, so several SnakeYAML safety
 * settings (alias counting, duplicate keys) would not apply on their own. This class therefore
 * rejects, itself, what a credential file never needs: aliases (which Jackson would otherwise
 * turn into the anchor's name), any non-standard tag ({@code !!javax...}, {@code !foo}), and
 * duplicate keys (Jackson's strict duplicate detection). Size and nesting are capped by
 * SnakeYAML's code point limit and Jackson's nesting constraint.
 */
final class CredentialYaml {

    /** Big enough for 100 000 tokens (~25 MB), small enough to refuse a runaway file. */
    static final int MAX_CODE_POINTS = 128 * 1024 * 1024;
    static final int MAX_NESTING = 32;

    private static final String STANDARD_TAG_PREFIX = "tag:yaml.org,2002:";
    private static final Set<String> STANDARD_TAGS =
            Set.of("str", "int", "float", "bool", "null", "map", "seq", "timestamp");

    /** Created on first use: a server whose files are in the plain layout never loads SnakeYAML at start-up. */
    private static final class Yaml {
        static final ObjectMapper MAPPER = createMapper();
    }

    private CredentialYaml() {
    }

    private static ObjectMapper createMapper() {
        LoaderOptions loader = new LoaderOptions();
        loader.setAllowDuplicateKeys(false);
        loader.setMaxAliasesForCollections(10);
        loader.setNestingDepthLimit(MAX_NESTING);
        loader.setCodePointLimit(MAX_CODE_POINTS);
        loader.setAllowRecursiveKeys(false);

        DumperOptions dumper = new DumperOptions();
        dumper.setIndent(4);
        dumper.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        dumper.setSplitLines(false);
        dumper.setWidth(Integer.MAX_VALUE);

        YAMLFactory factory = YAMLFactory.builder()
                .loaderOptions(loader)
                .dumperOptions(dumper)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_NESTING)
                        .maxStringLength(1024 * 1024)
                        .build())
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .build();
        ObjectMapper mapper = new ObjectMapper(factory);
        mapper.enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
        mapper.configure(JsonNodeFeature.WRITE_PROPERTIES_SORTED, true);
        return mapper;
    }

    static ObjectMapper mapper() {
        return Yaml.MAPPER;
    }

    /**
     * Parses a credential file's bytes into a tree. An empty document is an empty object.
     *
     * @throws IllegalArgumentException with a one-line reason (never the file's content)
     */
    static ObjectNode read(byte[] content) {
        checkSize(content);
        ObjectNode fast = PlainBlockYaml.tryRead(content);
        if (fast != null) {
            return fast;
        }
        return readWithoutFastPath(content);
    }

    static void checkSize(byte[] content) {
        if (content.length > MAX_CODE_POINTS) {
            throw new IllegalArgumentException("the file is larger than " + MAX_CODE_POINTS / (1024 * 1024) + " MB");
        }
    }

    /**
     * Reads a credential file's section entries with the fast reader when the file is in the
     * plain layout, else with the JSON or the full YAML loader; either way {@code entry} gets
     * every entry of {@code section} once, and the rest of the tree is returned (with the
     * section itself empty or absent).
     *
     * @param entry takes (key, value) and returns {@code false} when the key was seen before
     * @param reset called before the slow path runs, to forget entries the fast path delivered
     */
    static ObjectNode readSection(byte[] content, String section, java.util.function.BiPredicate<String, JsonNode> entry,
                                  Runnable reset) {
        checkSize(content);
        ObjectNode root = PlainBlockYaml.tryRead(content, section, entry);
        if (root != null) {
            return root;
        }
        reset.run();
        root = readWithoutFastPath(content);
        ObjectNode entries = FileFields.section(root, section);
        for (java.util.Map.Entry<String, JsonNode> e : entries.properties()) {
            if (!entry.test(e.getKey(), e.getValue())) {
                throw new IllegalArgumentException("'" + e.getKey() + "' appears twice in " + section);
            }
        }
        return root;
    }

    private static ObjectNode readWithoutFastPath(byte[] content) {
        ObjectNode json = tryJson(content);
        if (json != null) {
            return json;
        }
        return readWithLoader(content);
    }

    /** The full safe YAML loader, without the fast paths (tests compare the two). */
    static ObjectNode readWithLoader(byte[] content) {
        try (JsonParser parser = new SafeParser(Yaml.MAPPER.getFactory().createParser(content))) {
            JsonNode node = Yaml.MAPPER.readTree(parser);
            if (node == null || node.isMissingNode() || node.isNull()
                    || (node.isTextual() && node.asText().isBlank())) {
                return Yaml.MAPPER.createObjectNode();
            }
            if (!node.isObject()) {
                throw new IllegalArgumentException("the top level must be a mapping, not " + describe(node));
            }
            return (ObjectNode) node;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(oneLine(e.getOriginalMessage()) + location(e));
        } catch (IOException e) {
            throw new IllegalArgumentException(oneLine(e.getMessage()));
        } catch (RuntimeException e) {
            if (e instanceof IllegalArgumentException) {
                throw e;
            }
            // SnakeYAML reports limits (code points, nesting) as its own runtime exceptions.
            throw new IllegalArgumentException(oneLine(String.valueOf(e.getMessage())));
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper(com.fasterxml.jackson.core.JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING).build())
            .build()).enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

    /**
     * JSON files (some deployments write them) through Jackson's JSON parser, which is much
     * faster than YAML's; anything that is not strict JSON goes to the YAML loader.
     */
    private static ObjectNode tryJson(byte[] content) {
        int i = 0;
        while (i < content.length && (content[i] == ' ' || content[i] == '\n' || content[i] == '\r' || content[i] == '\t')) {
            i++;
        }
        if (i >= content.length || content[i] != '{') {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(content);
            return node instanceof ObjectNode o ? o : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Writes a tree as YAML: 4-space indentation, keys sorted, no document marker. */
    static byte[] write(ObjectNode root) {
        try {
            return Yaml.MAPPER.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise credential file", e);
        }
    }

    static String describe(JsonNode node) {
        if (node == null || node.isNull()) {
            return "null";
        }
        return switch (node.getNodeType()) {
            case ARRAY -> "a list";
            case OBJECT -> "a mapping";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            default -> node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    private static String oneLine(String message) {
        if (message == null) {
            return "unreadable YAML";
        }
        String first = message.strip().lines().findFirst().orElse("unreadable YAML");
        return first.length() > 200 ? first.substring(0, 200) + "..." : first;
    }

    private static String location(JsonProcessingException e) {
        if (e.getLocation() == null || e.getLocation().getLineNr() < 1) {
            return "";
        }
        return " (line " + e.getLocation().getLineNr() + ")";
    }

    /** Refuses aliases and non-standard tags token by token, before the tree is built. */
    private static final class SafeParser extends JsonParserDelegate {

        SafeParser(JsonParser delegate) {
            super(delegate);
        }

        @Override
        public JsonToken nextToken() throws IOException {
            JsonToken token = delegate.nextToken();
            if (delegate instanceof YAMLParser yaml && token != null) {
                if (yaml.isCurrentAlias()) {
                    throw new IllegalArgumentException("aliases (*name) are not allowed in credential files"
                            + lineOf(yaml));
                }
                String tag = yaml.getTypeId();
                if (tag != null && !isStandard(tag)) {
                    throw new IllegalArgumentException("tags such as !" + abbreviate(tag)
                            + " are not allowed in credential files" + lineOf(yaml));
                }
            }
            return token;
        }

        private static String lineOf(YAMLParser p) {
            int line = p.currentLocation().getLineNr();
            return line > 0 ? " (line " + line + ")" : "";
        }

        private static boolean isStandard(String tag) {
            String t = tag.startsWith(STANDARD_TAG_PREFIX) ? tag.substring(STANDARD_TAG_PREFIX.length()) : null;
            return t != null && STANDARD_TAGS.contains(t);
        }

        private static String abbreviate(String s) {
            String stripped = s.startsWith(STANDARD_TAG_PREFIX) ? "!" + s.substring(STANDARD_TAG_PREFIX.length()) : s;
            return stripped.length() > 60 ? stripped.substring(0, 60) + "..." : stripped;
        }
    }
}
