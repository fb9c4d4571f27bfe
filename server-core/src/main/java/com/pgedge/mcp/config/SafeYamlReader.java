package com.pgedge.mcp.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads a configuration file (YAML, or JSON, which is YAML too) into a tree, safely: a size
 * limit, no duplicate keys, a nesting limit, and no aliases at all (a configuration file has no
 * use for them, and refusing them rules out alias bombs). Tags are ignored, never instantiated.
 * Error messages name the file, line and column but never quote the file's text, which may hold
 * a database password.
 */
final class SafeYamlReader {

    /** Far more than any real configuration file; stops a runaway file early. */
    static final int MAX_BYTES = 1 << 20;
    private static final int MAX_DEPTH = 32;

    private final ObjectMapper mapper;

    SafeYamlReader() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(10);
        options.setAllowRecursiveKeys(false);
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setCodePointLimit(MAX_BYTES);
        YAMLFactory factory = YAMLFactory.builder()
                .loaderOptions(options)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_DEPTH)
                        .maxStringLength(MAX_BYTES)
                        .maxNumberLength(100)
                        .build())
                .build();
        mapper = new ObjectMapper(factory).enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
    }

    /**
     * @return the document's root, or a {@link MissingNode} for an empty document
     * @throws ConfigException naming the file when it cannot be read or parsed
     */
    JsonNode read(Path file) {
        byte[] bytes;
        try {
            if (Files.isDirectory(file)) {
                throw new ConfigException("configuration file " + file + " is a folder, not a file");
            }
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new ConfigException("configuration file " + file + " is too large (" + size
                        + " bytes; the limit is " + MAX_BYTES + ")");
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException("configuration file " + file + " does not exist");
        } catch (IOException e) {
            throw new ConfigException("cannot read configuration file " + file + ": " + e.getMessage());
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new ConfigException("cannot read configuration file " + file + ": it is not valid UTF-8");
        }
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        return parse(text, file.toString());
    }

    JsonNode parse(String text, String name) {
        try {
            rejectAliases(text, name);
            JsonNode root = mapper.readTree(text);
            return root == null ? MissingNode.getInstance() : root;
        } catch (ConfigException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new ConfigException("cannot parse configuration file " + name + ": " + describe(e));
        }
    }

    private void rejectAliases(String text, String name) throws IOException {
        try (JsonParser p = mapper.getFactory().createParser(text)) {
            while (p.nextToken() != null) {
                if (p instanceof YAMLParser y && y.isCurrentAlias()) {
                    JsonLocation at = p.currentTokenLocation();
                    throw new ConfigException("cannot parse configuration file " + name
                            + ": aliases (*name) are not supported, at line " + at.getLineNr()
                            + ", column " + at.getColumnNr());
                }
            }
        }
    }

    /** The parser's reason and position, without the snippet of file text it likes to include. */
    private static String describe(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof MarkedYAMLException m) {
                Mark mark = m.getProblemMark() != null ? m.getProblemMark() : m.getContextMark();
                String problem = m.getProblem() != null ? m.getProblem() : m.getContext();
                return problem + (mark == null ? ""
                        : " at line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1));
            }
        }
        if (e instanceof JsonProcessingException j) {
            JsonLocation at = j.getLocation();
            return j.getOriginalMessage() + (at == null ? ""
                    : " at line " + at.getLineNr() + ", column " + at.getColumnNr());
        }
        String msg = e.getMessage();
        return msg == null ? e.getClass().getSimpleName() : msg.lines().findFirst().orElse(msg);
    }
}
