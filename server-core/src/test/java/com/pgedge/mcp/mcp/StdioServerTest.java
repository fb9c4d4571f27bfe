package com.pgedge.mcp.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** SPEC §3 stdio mode: newline-delimited JSON, only protocol on stdout, no auth, clean exit on EOF. */
class StdioServerTest {

    private static List<JsonNode> serve(String input) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StdioServer.run(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), out, TestTools.registry());
        return out.toString(StandardCharsets.UTF_8).lines().map(StdioServerTest::parse).toList();
    }

    private static JsonNode parse(String line) {
        try {
            return McpJson.mapper().readTree(line);
        } catch (Exception e) {
            throw new AssertionError("not JSON on stdout: " + line, e);
        }
    }

    @Test
    void answersEachRequestOnItsOwnLineAndNothingForNotifications() throws Exception {
        List<JsonNode> replies = serve("""
                {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2024-11-05","capabilities":{},"clientInfo":{"name":"c","version":"1"}}}
                {"jsonrpc":"2.0","method":"notifications/initialized"}

                {"jsonrpc":"2.0","id":2,"method":"tools/list"}
                {"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"echo","arguments":{"message":"over stdio"}}}
                {"jsonrpc":"2.0","id":4,"method":"tools/call","params":{"name":"whoami","arguments":{}}}
                {"jsonrpc":"2.0","id":5,"method":"tools/call","params":{"name":"authenticate_user","arguments":{"username":"a","password":"b"}}}
                {broken
                {"jsonrpc":"2.0","id":6,"method":"ping"}""");
        assertThat(replies).hasSize(7);
        assertThat(replies.get(0).at("/result/protocolVersion").asText()).isEqualTo("2025-11-25");
        assertThat(replies.get(1).at("/result/tools").size()).isEqualTo(4);
        assertThat(replies.get(2).at("/result/content/0/text").asText()).isEqualTo("over stdio");
        assertThat(replies.get(3).at("/result/content/0/text").asText()).isEqualTo("ANONYMOUS anonymous");
        assertThat(replies.get(4).at("/error/code").asInt()).isEqualTo(-32602); // no login over stdio
        assertThat(replies.get(5).at("/error/code").asInt()).isEqualTo(-32700);
        assertThat(replies.get(6).get("id").asInt()).isEqualTo(6);
    }

    @Test
    void crlfLineEndingsAndAMissingFinalNewlineAreFine() throws Exception {
        List<JsonNode> replies = serve("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}\r\n"
                + "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\"}");
        assertThat(replies).extracting(r -> r.get("id").asInt()).containsExactly(1, 2);
    }

    @Test
    void overlongLineIsAParseErrorAndTheNextLineStillWorks() throws Exception {
        String longLine = "{\"x\":\"" + "a".repeat(StdioServer.MAX_LINE_BYTES + 10) + "\"}";
        List<JsonNode> replies = serve(longLine + "\n{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"ping\"}\n");
        assertThat(replies).hasSize(2);
        assertThat(replies.get(0).at("/error/code").asInt()).isEqualTo(-32700);
        assertThat(replies.get(1).get("id").asInt()).isEqualTo(9);
    }

    @Test
    void aRealProcessKeepsStdoutForTheProtocolAndExitsZeroOnEof() throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), StdioMain.class.getName()).start();
        p.getOutputStream().write("""
                {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18"}}
                {"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"noisy","arguments":{}}}
                {"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"echo","arguments":{"message":"bye"}}}
                """.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close(); // EOF
        String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String stderr = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(stderr).isZero();
        List<JsonNode> replies = stdout.lines().map(StdioServerTest::parse).toList();
        assertThat(replies).extracting(r -> r.get("id").asInt()).containsExactly(1, 2, 3);
        assertThat(replies.get(2).at("/result/content/0/text").asText()).isEqualTo("bye");
        assertThat(stderr).contains("stdio test process starting").contains("Starting MCP server in stdio mode")
                .contains("stray output that is not JSON-RPC").contains("noisy tool logged this");
    }
}
