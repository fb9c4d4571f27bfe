package com.pgedge.mcp.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.pgedge.mcp.mcp.McpJson;
import com.pgedge.mcp.mcp.McpTool;
import com.pgedge.mcp.mcp.TestTools;
import com.pgedge.mcp.mcp.ToolCallContext;
import com.pgedge.mcp.mcp.ToolRegistry;
import com.pgedge.mcp.mcp.ToolResult;
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
import org.junit.jupiter.api.io.TempDir;

/**
 * The Authentication Guide's own examples, run as written against the server (only the port
 * differs): its curl commands and its Python client class, copied unchanged.
 */
class GuideExamplesTest {

    static ServerFixture fx;

    @TempDir
    static Path work;

    /** Stands in for the PostgreSQL tool of the same name, which the guide's examples call. */
    static final class QueryDatabase implements McpTool {
        @Override
        public String name() {
            return "query_database";
        }

        @Override
        public String description() {
            return "Test stand-in: reports the query it was given.";
        }

        @Override
        public ObjectNode inputSchema() {
            ObjectNode schema = McpJson.mapper().createObjectNode().put("type", "object");
            schema.putObject("properties").putObject("query").put("type", "string");
            schema.putArray("required").add("query");
            return schema;
        }

        @Override
        public ToolResult call(ToolCallContext context, JsonNode arguments) {
            return ToolResult.text("query from " + context.principal().name() + ": " + arguments.get("query").asText());
        }
    }

    @BeforeAll
    static void start() throws Exception {
        fx = ServerFixture.builder().rateLimit(1000)
                .registry(ToolRegistry.builder().tool(new QueryDatabase()).tool(new TestTools.Echo()).build()).start();
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    private static String base() {
        return "http://localhost:" + fx.port();
    }

    private static boolean available(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static String run(Path dir, String... command) throws Exception {
        Process p = new ProcessBuilder(command).directory(dir == null ? null : dir.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return out;
    }

    private static void requireCurl() {
        boolean curl = available("curl", "--version");
        if (!curl) {
            System.err.println("*** SKIPPING the guide's curl examples: curl is not installed ***");
        }
        Assumptions.assumeTrue(curl, "curl is needed for the guide's curl examples");
    }

    @Test
    void curlWithoutTokenReturns401AsTheGuideShows() throws Exception {
        requireCurl();
        String out = run(null, "curl", "-s", "-i", "-X", "POST", base() + "/mcp/v1",
                "-H", "Content-Type: application/json",
                "-d", "{\"jsonrpc\": \"2.0\", \"id\": 1, \"method\": \"tools/list\", \"params\": {}}");
        assertThat(out).startsWith("HTTP/1.1 401");
        assertThat(out).endsWith("{\"error\": \"Unauthorized\"}");
    }

    @Test
    void curlHealthNeedsNoToken() throws Exception {
        requireCurl();
        String out = run(null, "curl", "-s", base() + "/health");
        assertThat(McpJson.mapper().readTree(out).path("status").asText()).isEqualTo("ok");
    }

    @Test
    void curlTwoStepLoginThenCallWithTheSessionToken() throws Exception {
        requireCurl();
        String step1 = run(null, "curl", "-s", "-X", "POST", base() + "/mcp/v1",
                "-H", "Content-Type: application/json",
                "-d", """
                        {
                            "jsonrpc": "2.0",
                            "id": 1,
                            "method": "tools/call",
                            "params": {
                              "name": "authenticate_user",
                              "arguments": {
                                "username": "alice",
                                "password": "SecurePassword123!"
                              }
                            }
                          }""");
        JsonNode response = McpJson.mapper().readTree(step1);
        JsonNode text = McpJson.mapper().readTree(response.at("/result/content/0/text").asText());
        assertThat(text.path("success").asBoolean()).isTrue();
        assertThat(text.path("message").asText()).isEqualTo("Authentication successful");
        String session = text.path("session_token").asText();
        assertThat(session).hasSize(44);

        String step2 = run(null, "curl", "-s", "-X", "POST", base() + "/mcp/v1",
                "-H", "Authorization: Bearer " + session,
                "-H", "Content-Type: application/json",
                "-d", """
                        {
                            "jsonrpc": "2.0",
                            "id": 2,
                            "method": "tools/call",
                            "params": {
                              "name": "query_database",
                              "arguments": {
                                "query": "Show me all users"
                              }
                            }
                          }""");
        assertThat(McpJson.mapper().readTree(step2).at("/result/content/0/text").asText())
                .isEqualTo("query from alice: Show me all users");
    }

    @Test
    void thePythonClientClassFromTheGuideWorksUnchanged() throws Exception {
        boolean python = available("python3", "-c", "import requests");
        if (!python) {
            System.err.println("""
                    ************************************************************************
                    SKIPPING the guide's Python client: python3 with the `requests` package is
                    not installed (apt-get install -y python3-requests).
                    ************************************************************************""");
        }
        Assumptions.assumeTrue(python, "python3 with requests is needed for the guide's Python client");
        for (String file : List.of("mcp_user_client.py", "guide_driver.py")) {
            try (var in = GuideExamplesTest.class.getResourceAsStream("/guide/" + file)) {
                Files.write(work.resolve(file), in.readAllBytes());
            }
        }
        List<String> ok = new ArrayList<>(List.of("python3", "guide_driver.py", base(), "alice", "SecurePassword123!"));
        JsonNode good = McpJson.mapper().readTree(run(work, ok.toArray(new String[0])).trim());
        assertThat(good.path("authenticated").asBoolean()).as(good.toString()).isTrue();
        assertThat(good.path("expiry").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(good.at("/result/result/content/0/text").asText()).isEqualTo("query from alice: Show tables");

        JsonNode bad = McpJson.mapper().readTree(run(work, "python3", "guide_driver.py", base(), "alice", "wrong")
                .trim());
        assertThat(bad.path("authenticated").asBoolean()).isFalse();
    }
}
