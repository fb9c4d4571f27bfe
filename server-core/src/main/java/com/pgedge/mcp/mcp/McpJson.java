package com.pgedge.mcp.mcp;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The one Jackson configuration for protocol traffic. Hostile input is stopped by the parser
 * itself, before anything is built from it: deep nesting, huge strings and numbers, duplicate
 * keys (which two parsers might resolve differently) and trailing garbage after the message.
 */
public final class McpJson {

    /** Nesting depth allowed in a message; real MCP traffic stays well under 20. */
    public static final int MAX_NESTING_DEPTH = 64;
    /** Longest string value: a request body is at most 1 MiB anyway (HTTP), stdio lines 4 MiB. */
    public static final int MAX_STRING_LENGTH = 4 * 1024 * 1024;
    /** Longest number literal; beyond this nobody sends a real number. */
    public static final int MAX_NUMBER_LENGTH = 100;

    private static final ObjectMapper MAPPER = create();

    private McpJson() {
    }

    /** The shared, thread-safe mapper. Do not reconfigure it. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    private static ObjectMapper create() {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_NESTING_DEPTH)
                        .maxStringLength(MAX_STRING_LENGTH)
                        .maxNumberLength(MAX_NUMBER_LENGTH)
                        .maxDocumentLength(MAX_STRING_LENGTH + 1024L)
                        .build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        return new ObjectMapper(factory)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }
}
