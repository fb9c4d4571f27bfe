package com.pgedge.mcp.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The official MCP Java SDK client (written by others) against our server. */
class JavaSdkClientTest {

    static ServerFixture fx;

    @BeforeAll
    static void start() throws Exception {
        fx = ServerFixture.builder().rateLimit(1000).start();
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    private static McpSyncClient client(String token) {
        HttpClientStreamableHttpTransport.Builder transport = HttpClientStreamableHttpTransport
                .builder(fx.server.baseUri()).endpoint("/mcp/v1");
        if (token != null) {
            transport.httpRequestCustomizer((request, method, uri, body, context) ->
                    request.header("Authorization", "Bearer " + token));
        }
        return McpClient.sync(transport.build()).requestTimeout(Duration.ofSeconds(20))
                .initializationTimeout(Duration.ofSeconds(20)).build();
    }

    private static void useFully(McpSyncClient client, String expectedPrincipal) {
        McpSchema.InitializeResult init = client.initialize();
        assertThat(init.serverInfo().name()).isEqualTo("pgedge-postgres-mcp");
        assertThat(init.protocolVersion()).isIn("2025-11-25", "2025-06-18", "2025-03-26");
        McpSchema.ListToolsResult tools = client.listTools();
        assertThat(tools.tools()).extracting(McpSchema.Tool::name).containsExactly("echo", "sleep", "broken", "whoami")
                .doesNotContain("authenticate_user");
        McpSchema.CallToolResult echo = client.callTool(new McpSchema.CallToolRequest("echo", Map.of("message", "hi")));
        assertThat(echo.isError()).isFalse();
        assertThat(((McpSchema.TextContent) echo.content().get(0)).text()).isEqualTo("hi");
        McpSchema.CallToolResult who = client.callTool(new McpSchema.CallToolRequest("whoami", Map.of()));
        assertThat(((McpSchema.TextContent) who.content().get(0)).text()).isEqualTo(expectedPrincipal);
        McpSchema.CallToolResult failed = client.callTool(new McpSchema.CallToolRequest("echo", Map.of("message", "fail")));
        assertThat(failed.isError()).isTrue();
        assertThat(client.listResources().resources()).extracting(McpSchema.Resource::uri).containsExactly("test://hello");
        client.ping();
    }

    @Test
    void initializesListsAndCallsToolsWithAnApiToken() {
        try (McpSyncClient client = client(fx.apiToken)) {
            String id = fx.auth.tokens().get(0).id();
            useFully(client, "API_TOKEN " + id);
        }
    }

    @Test
    void worksWithASessionTokenFromAuthenticateUser() throws Exception {
        String session = fx.sessionToken();
        try (McpSyncClient client = client(session)) {
            useFully(client, "SESSION alice");
        }
    }

    @Test
    void isRefusedWithoutAToken() {
        try (McpSyncClient client = client(null)) {
            assertThatThrownBy(client::initialize).hasRootCauseInstanceOf(
                    io.modelcontextprotocol.client.transport.McpHttpClientTransportAuthorizationException.class);
        }
    }

    @Test
    void isRefusedWithAWrongToken() {
        try (McpSyncClient client = client("not-a-real-token")) {
            assertThatThrownBy(client::initialize).hasRootCauseInstanceOf(
                    io.modelcontextprotocol.client.transport.McpHttpClientTransportAuthorizationException.class);
        }
    }
}
