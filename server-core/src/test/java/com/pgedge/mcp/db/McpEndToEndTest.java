package com.pgedge.mcp.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pgedge.mcp.auth.AuthService;
import com.pgedge.mcp.auth.AuthSettings;
import com.pgedge.mcp.auth.CreatedToken;
import com.pgedge.mcp.auth.LoginResult;
import com.pgedge.mcp.config.DatabaseConfig;
import com.pgedge.mcp.config.ServerConfig;
import com.pgedge.mcp.http.McpHttpServer;
import com.pgedge.mcp.mcp.ToolRegistry;
import com.zaxxer.hikari.HikariDataSource;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The official MCP Java SDK client, over HTTP with bearer tokens, against the real server with
 * the database tools registered on the embedded PostgreSQL.
 */
class McpEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static Path dir;
    private static AuthService auth;
    private static DatabaseToolset tools;
    private static McpHttpServer server;
    private static CreatedToken unbound;
    private static CreatedToken boundToInventory;

    @BeforeAll
    static void start() throws Exception {
        DatabaseConfig dev = TestDatabase.get().databaseConfig();
        DatabaseConfig inventory = new DatabaseConfig("inventory", dev.host(), dev.port(), TestDatabase.SECOND_DATABASE,
                dev.user(), dev.password(), dev.sslmode(), 2, 0, null);
        dir = Files.createTempDirectory("mcp-db-e2e");
        AuthSettings settings = AuthSettings.defaults(dir.resolve("tokens.yaml"), dir.resolve("users.yaml"));
        auth = AuthService.open(settings, java.time.Clock.systemUTC(), 4);
        unbound = auth.addToken("e2e", (Duration) null, null);
        boundToInventory = auth.addToken("inventory only", (Duration) null, "inventory");
        auth.addUser("alice", "SecurePassword123!", "Alice");
        tools = DatabaseToolset.open(List.of(dev, inventory)).closePoolsOnRevocation(auth);
        ToolRegistry registry = ToolRegistry.builder().tools(tools.tools()).resources(tools.resources()).build();
        ServerConfig config = new ServerConfig(null, new ServerConfig.HttpConfig(true, "127.0.0.1:0", List.of(), List.of(),
                new ServerConfig.TlsConfig(false, null, null, null),
                new ServerConfig.AuthConfig(true, settings.tokenFile(), settings.userFile(), null, 0, 15, 10)),
                List.of(dev, inventory), false, false);
        server = new McpHttpServer(config, auth, registry);
        server.start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop();
        }
        if (tools != null) {
            tools.close();
        }
        if (auth != null) {
            auth.close();
        }
        TestDatabase.deleteRecursively(dir);
    }

    private static McpSyncClient client(String bearer) {
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport.builder(server.baseUri())
                .endpoint("/mcp/v1")
                .addHttpRequestCustomizer((request, method, uri, body, context) ->
                        request.header("Authorization", "Bearer " + bearer))
                .build();
        McpSyncClient client = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(30)).build();
        client.initialize();
        return client;
    }

    private static McpSchema.CallToolResult call(McpSyncClient client, String tool, Map<String, Object> args) {
        return client.callTool(McpSchema.CallToolRequest.builder(tool).arguments(args).build());
    }

    private static String text(McpSchema.CallToolResult r) {
        return ((McpSchema.TextContent) r.content().get(0)).text();
    }

    @Test
    void listsTheDatabaseToolsWithSchemasAndAnnotations() {
        try (McpSyncClient client = client(unbound.plaintext())) {
            List<McpSchema.Tool> listed = client.listTools().tools();
            assertThat(listed).extracting(McpSchema.Tool::name)
                    .containsExactly("query_database", "get_schema_info", "execute_explain", "count_rows");
            for (McpSchema.Tool t : listed) {
                assertThat(t.annotations().readOnlyHint()).isTrue();
                assertThat(t.annotations().destructiveHint()).isFalse();
                @SuppressWarnings("unchecked")
                Map<String, Object> props = (Map<String, Object>) t.inputSchema().get("properties");
                assertThat(props).containsKey("database");
            }
            assertThat(client.listResources().resources()).extracting(McpSchema.Resource::uri)
                    .containsExactly("pg://system_info");
        }
    }

    @Test
    void callsEveryToolAndReadsTheResource() throws Exception {
        try (McpSyncClient client = client(unbound.plaintext())) {
            McpSchema.CallToolResult q = call(client, "query_database",
                    Map.of("query", "SELECT sku, price FROM products ORDER BY id", "limit", 2));
            assertThat(q.isError()).isFalse();
            assertThat(text(q)).startsWith("sku\tprice\nKB-001\t89.00\nMS-002\t29.50\n")
                    .contains("limit=2 and offset=2");
            McpSchema.CallToolResult next = call(client, "query_database",
                    Map.of("query", "SELECT sku, price FROM products ORDER BY id", "limit", 2, "offset", 2));
            assertThat(text(next)).startsWith("sku\tprice\nMN-003\t249.00\nMN-004\t159.00\n");

            McpSchema.CallToolResult schema = call(client, "get_schema_info", Map.of("table_name", "customers"));
            assertThat(text(schema)).contains("TABLE public.customers  -- People who have an account in the shop");

            McpSchema.CallToolResult plan = call(client, "execute_explain",
                    Map.of("query", "SELECT * FROM orders WHERE id = 1", "format", "json", "analyze", true));
            JsonNode parsed = JSON.readTree(text(plan));
            assertThat(parsed.get(0).has("Execution Time")).isTrue();

            McpSchema.CallToolResult count = call(client, "count_rows",
                    Map.of("table", "orders", "where", "status = 'shipped'"));
            assertThat(text(count)).isEqualTo("public.orders: 10 rows matching the condition");

            McpSchema.CallToolResult bins = call(client, "count_rows", Map.of("table", "bins", "database", "inventory"));
            assertThat(text(bins)).isEqualTo("public.bins: 3 rows");

            McpSchema.ReadResourceResult info = client.readResource(McpSchema.ReadResourceRequest.builder("pg://system_info").build());
            String infoText = ((McpSchema.TextResourceContents) info.contents().get(0)).text();
            assertThat(JSON.readTree(infoText).get("postgresql_version").asText()).startsWith("14.");
        }
    }

    @Test
    void refusalsAreToolErrorsTheModelCanRead() {
        try (McpSyncClient client = client(unbound.plaintext())) {
            McpSchema.CallToolResult write = call(client, "query_database", Map.of("query", "DELETE FROM orders"));
            assertThat(write.isError()).isTrue();
            assertThat(text(write)).contains("must start with SELECT");
            McpSchema.CallToolResult two = call(client, "query_database", Map.of("query", "SELECT 1; SELECT 2"));
            assertThat(two.isError()).isTrue();
            McpSchema.CallToolResult bad = call(client, "query_database", Map.of("query", "SELECT nope FROM customers"));
            assertThat(text(bad)).contains("column \"nope\" does not exist");
        }
        assertThat(TestDatabase.adminQuery("SELECT count(*) FROM orders")).isEqualTo("40");
    }

    @Test
    void aTokenBoundToADatabaseReachesOnlyThatOne() {
        try (McpSyncClient client = client(boundToInventory.plaintext())) {
            McpSchema.CallToolResult own = call(client, "query_database", Map.of("query", "SELECT current_database()"));
            assertThat(text(own)).isEqualTo("current_database\ninventory\n");
            McpSchema.CallToolResult other = call(client, "query_database",
                    Map.of("query", "SELECT 1", "database", "dev"));
            assertThat(other.isError()).isTrue();
            assertThat(text(other)).isEqualTo("This token is bound to database 'inventory' and may not use database 'dev'");
        }
    }

    @Test
    void stdioModeServesTheToolsToTheAnonymousCaller() throws Exception {
        ToolRegistry registry = ToolRegistry.builder().tools(tools.tools()).resources(tools.resources()).build();
        String input = String.join("\n",
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"query_database\","
                        + "\"arguments\":{\"query\":\"SELECT count(*) AS n FROM customers\"}}}",
                "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"query_database\","
                        + "\"arguments\":{\"query\":\"DROP TABLE customers\"}}}",
                "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"resources/read\",\"params\":{\"uri\":\"pg://system_info\"}}",
                "");
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        com.pgedge.mcp.mcp.StdioServer.run(new java.io.ByteArrayInputStream(input.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                out, registry);
        List<JsonNode> replies = new java.util.ArrayList<>();
        for (String line : out.toString(java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
            replies.add(JSON.readTree(line));
        }
        replies.sort(java.util.Comparator.comparingInt(n -> n.get("id").asInt()));
        assertThat(replies.get(0).at("/result/content/0/text").asText()).isEqualTo("n\n10\n");
        assertThat(replies.get(1).at("/result/isError").asBoolean()).isTrue();
        assertThat(replies.get(2).at("/result/contents/0/text").asText()).contains("\"current_user\" : \"mcp_readonly\"");
        assertThat(tools.pools().find("anonymous", "dev")).isNotNull();
    }

    @Test
    void aSessionTokenGetsItsOwnPoolWhichClosesWhenTheUserIsDisabled() {
        LoginResult login = auth.login("alice", "SecurePassword123!", "127.0.0.1");
        assertThat(login.succeeded()).isTrue();
        String hash = AuthService.hashToken(login.sessionToken());
        try (McpSyncClient client = client(login.sessionToken())) {
            assertThat(text(call(client, "count_rows", Map.of("table", "customers")))).isEqualTo("public.customers: 10 rows");
            HikariDataSource pool = tools.pools().find(hash, "dev");
            assertThat(pool).isNotNull();
            assertThat(pool).isNotSameAs(tools.pools().find(unbound.record().hash(), "dev"));
            auth.disableUser("alice");
            await().atMost(Duration.ofSeconds(10)).until(pool::isClosed);
            assertThatThrownBy(() -> client.listTools()).isInstanceOf(RuntimeException.class);
        }
    }
}
