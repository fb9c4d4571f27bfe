package com.pgedge.mcp.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.pgedge.mcp.mcp.McpJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The official MCP TypeScript SDK client (npm {@code @modelcontextprotocol/sdk}) against our
 * server, through src/test/node/client.mjs. The build installs it with {@code npm ci}.
 */
class NodeSdkClientTest {

    static final Path SCRIPT_DIR = Path.of("src", "test", "node").toAbsolutePath();

    static ServerFixture fx;

    @BeforeAll
    static void start() throws Exception {
        boolean ready = Files.isDirectory(SCRIPT_DIR.resolve("node_modules/@modelcontextprotocol/sdk"));
        if (!ready || !nodeAvailable()) {
            System.err.println("""
                    ************************************************************************
                    SKIPPING NodeSdkClientTest: node or src/test/node/node_modules is missing.
                    Install node 18+ and npm, then run the build again (it runs `npm ci`).
                    ************************************************************************""");
        }
        Assumptions.assumeTrue(ready && nodeAvailable(), "node and the npm MCP SDK are needed");
        fx = ServerFixture.builder().rateLimit(1000).start();
    }

    @AfterAll
    static void stop() {
        if (fx != null) {
            fx.close();
        }
    }

    private static boolean nodeAvailable() {
        try {
            Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static JsonNode run(String token) throws Exception {
        List<String> command = new ArrayList<>(List.of("node", "client.mjs", fx.mcpUri().toString()));
        if (token != null) {
            command.add(token);
        }
        Process p = new ProcessBuilder(command).directory(SCRIPT_DIR.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String last = out.substring(out.lastIndexOf('\n') + 1);
        return McpJson.mapper().readTree(last);
    }

    private static void assertUsedFully(JsonNode result, String expectedWho) {
        assertThat(result.path("connected").asBoolean()).as(result.toString()).isTrue();
        assertThat(result.path("server").path("name").asText()).isEqualTo("pgedge-postgres-mcp");
        assertThat(result.path("tools").toString()).isEqualTo("[\"echo\",\"sleep\",\"broken\",\"whoami\"]");
        assertThat(result.path("echo").asText()).isEqualTo("hi from node");
        assertThat(result.path("who").asText()).isEqualTo(expectedWho);
        assertThat(result.path("failedIsError").asBoolean()).isTrue();
    }

    @Test
    void worksWithAnApiToken() throws Exception {
        assertUsedFully(run(fx.apiToken), "API_TOKEN " + fx.auth.tokens().get(0).id());
    }

    @Test
    void worksWithASessionTokenFromAuthenticateUser() throws Exception {
        assertUsedFully(run(fx.sessionToken()), "SESSION alice");
    }

    @Test
    void isRefusedWithoutAToken() throws Exception {
        JsonNode result = run(null);
        assertThat(result.path("connected").asBoolean()).isFalse();
        assertThat(result.path("error").asText()).containsIgnoringCase("unauthorized");
    }

    @Test
    void isRefusedWithAWrongToken() throws Exception {
        JsonNode result = run("wrong-token");
        assertThat(result.path("connected").asBoolean()).isFalse();
        assertThat(result.path("error").asText()).containsIgnoringCase("unauthorized");
    }
}
