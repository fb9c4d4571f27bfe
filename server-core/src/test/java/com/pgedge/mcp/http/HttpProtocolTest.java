package com.pgedge.mcp.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.pgedge.mcp.cli.Version;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The MCP Streamable HTTP surface over a real server (SPEC §2, §3), with a valid API token. */
class HttpProtocolTest {

    static ServerFixture fx;

    @BeforeAll
    static void start() throws Exception {
        fx = ServerFixture.start();
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    private HttpResponse<String> call(String json, String... headers) throws Exception {
        String[] all = new String[headers.length + 2];
        all[0] = "Authorization";
        all[1] = "Bearer " + fx.apiToken;
        System.arraycopy(headers, 0, all, 2, headers.length);
        return fx.post(json, all);
    }

    @Test
    void healthNeedsNoTokenAndNamesTheVersion() throws Exception {
        HttpResponse<String> r = fx.send(HttpRequest.newBuilder(URI.create(fx.server.baseUri() + "/health")).build());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).contains("application/json");
        assertThat(r.body()).isEqualTo("{\"status\":\"ok\",\"server\":\"pgedge-postgres-mcp\",\"version\":\""
                + Version.current() + "\"}");
    }

    @Test
    void initializeEchoesSupportedVersionsAndOffersTheNewestOtherwise() throws Exception {
        for (String v : new String[] {"2025-11-25", "2025-06-18", "2025-03-26"}) {
            JsonNode r = ServerFixture.json(call(init(v)));
            assertThat(r.at("/result/protocolVersion").asText()).isEqualTo(v);
        }
        for (String v : new String[] {"2024-11-05", "1999-01-01"}) {
            JsonNode r = ServerFixture.json(call(init(v)));
            assertThat(r.at("/result/protocolVersion").asText()).isEqualTo("2025-11-25");
        }
        HttpResponse<String> r = call(init("2025-06-18"));
        assertThat(r.headers().firstValue("Mcp-Session-Id")).isEmpty();
        JsonNode body = ServerFixture.json(r);
        assertThat(body.at("/result/serverInfo/name").asText()).isEqualTo("pgedge-postgres-mcp");
        assertThat(body.at("/result/capabilities/tools").isObject()).isTrue();
    }

    private static String init(String version) {
        return "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"" + version
                + "\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}";
    }

    @Test
    void statelessRequestsWorkWithoutInitialize() throws Exception {
        JsonNode r = ServerFixture.json(call(ServerFixture.echo(7, "hi")));
        assertThat(r.get("id").asInt()).isEqualTo(7);
        assertThat(r.at("/result/content/0/text").asText()).isEqualTo("hi");
        assertThat(r.at("/result/isError").asBoolean()).isFalse();
    }

    @Test
    void toolsListIsDeterministicAndHidesAuthenticateUser() throws Exception {
        String first = call(ServerFixture.toolsList(1)).body();
        for (int i = 0; i < 5; i++) {
            assertThat(call(ServerFixture.toolsList(1)).body()).isEqualTo(first);
        }
        JsonNode tools = ServerFixture.json(call(ServerFixture.toolsList(1))).at("/result/tools");
        assertThat(tools.findValuesAsText("name")).containsExactly("echo", "sleep", "broken", "whoami");
        assertThat(first).doesNotContain("authenticate_user");
    }

    @Test
    void notificationsAndPostedResponsesGet202WithoutBody() throws Exception {
        HttpResponse<String> n = call("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
        assertThat(n.statusCode()).isEqualTo(202);
        assertThat(n.body()).isEmpty();
        HttpResponse<String> r = call("{\"jsonrpc\":\"2.0\",\"id\":5,\"result\":{}}");
        assertThat(r.statusCode()).isEqualTo(202);
        assertThat(r.body()).isEmpty();
    }

    @Test
    void getAndDeleteAre405WithAllow() throws Exception {
        for (String method : new String[] {"GET", "DELETE", "PUT"}) {
            HttpResponse<String> r = fx.send(HttpRequest.newBuilder(fx.mcpUri())
                    .header("Authorization", "Bearer " + fx.apiToken)
                    .method(method, HttpRequest.BodyPublishers.noBody()).build());
            assertThat(r.statusCode()).as(method).isEqualTo(405);
            assertThat(r.headers().firstValue("Allow")).contains("POST");
        }
    }

    @Test
    void unsupportedProtocolVersionHeaderIs400() throws Exception {
        HttpResponse<String> r = call(ServerFixture.toolsList(1), "MCP-Protocol-Version", "2024-11-05");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(call(ServerFixture.toolsList(1), "MCP-Protocol-Version", "2025-06-18").statusCode()).isEqualTo(200);
    }

    @Test
    void batchIsInvalidRequest() throws Exception {
        HttpResponse<String> r = call("[" + ServerFixture.toolsList(1) + "," + ServerFixture.toolsList(2) + "]");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(ServerFixture.json(r).at("/error/code").asInt()).isEqualTo(-32600);
    }

    @Test
    void jsonRpcErrorsHaveTheirCodes() throws Exception {
        assertThat(ServerFixture.json(call("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/li")).at("/error/code")
                .asInt()).isEqualTo(-32700);
        assertThat(ServerFixture.json(call("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"nope\"}")).at("/error/code")
                .asInt()).isEqualTo(-32601);
        assertThat(ServerFixture.json(call("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\","
                + "\"params\":{\"name\":\"missing\"}}")).at("/error/code").asInt()).isEqualTo(-32602);
        assertThat(ServerFixture.json(call("{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"ping\"}")).at("/error/code")
                .asInt()).isEqualTo(-32600);
    }

    @Test
    void pingAnswersEmptyResult() throws Exception {
        JsonNode r = ServerFixture.json(call("{\"jsonrpc\":\"2.0\",\"id\":\"p\",\"method\":\"ping\"}"));
        assertThat(r.get("id").asText()).isEqualTo("p");
        assertThat(r.get("result").size()).isZero();
    }

    @Test
    void toolFailuresAreIsErrorResultsWithoutInternals() throws Exception {
        JsonNode r = ServerFixture.json(call("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\","
                + "\"params\":{\"name\":\"broken\",\"arguments\":{}}}"));
        assertThat(r.at("/result/isError").asBoolean()).isTrue();
        assertThat(r.toString()).doesNotContain("hunter2").doesNotContain("jdbc:").doesNotContain("Exception");
        JsonNode missing = ServerFixture.json(call("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\","
                + "\"params\":{\"name\":\"echo\",\"arguments\":{}}}"));
        assertThat(missing.at("/result/isError").asBoolean()).isTrue();
        assertThat(missing.at("/result/content/0/text").asText()).contains("message");
    }

    @Test
    void resourcesListAndRead() throws Exception {
        JsonNode list = ServerFixture.json(call("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"resources/list\"}"));
        assertThat(list.at("/result/resources/0/uri").asText()).isEqualTo("test://hello");
        JsonNode read = ServerFixture.json(call("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"resources/read\","
                + "\"params\":{\"uri\":\"test://hello\"}}"));
        assertThat(read.at("/result/contents/0/text").asText()).isEqualTo("{\"hello\":\"world\"}");
        JsonNode unknown = ServerFixture.json(call("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"resources/read\","
                + "\"params\":{\"uri\":\"test://nope\"}}"));
        assertThat(unknown.has("error")).isTrue();
    }

    @Test
    void wrongContentTypeIs415AndAcceptWithoutJsonIs406() throws Exception {
        HttpResponse<String> r = fx.send(HttpRequest.newBuilder(fx.mcpUri())
                .header("Authorization", "Bearer " + fx.apiToken).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(ServerFixture.toolsList(1))).build());
        assertThat(r.statusCode()).isEqualTo(415);
        assertThat(call(ServerFixture.toolsList(1), "Accept", "text/html").statusCode()).isEqualTo(406);
        assertThat(call(ServerFixture.toolsList(1), "Accept", "application/json, text/event-stream").statusCode())
                .isEqualTo(200);
        assertThat(call(ServerFixture.toolsList(1), "Content-Type", "application/json; charset=utf-8").statusCode())
                .isEqualTo(200);
    }

    @Test
    void foreignOriginIs403AndLocalhostOriginsPass() throws Exception {
        assertThat(call(ServerFixture.toolsList(1), "Origin", "https://evil.example").statusCode()).isEqualTo(403);
        assertThat(call(ServerFixture.toolsList(1), "Origin", "null").statusCode()).isEqualTo(403);
        assertThat(call(ServerFixture.toolsList(1), "Origin", "http://localhost:3000").statusCode()).isEqualTo(200);
        assertThat(call(ServerFixture.toolsList(1), "Origin", "http://127.0.0.1:6274").statusCode()).isEqualTo(200);
        assertThat(call(ServerFixture.toolsList(1), "Origin", "http://[::1]:8080").statusCode()).isEqualTo(200);
    }

    @Test
    void configuredOriginIsAllowed() throws Exception {
        try (ServerFixture other = ServerFixture.builder().allowedOrigins("https://app.example.com").start()) {
            assertThat(other.post(ServerFixture.toolsList(1), "Authorization", "Bearer " + other.apiToken,
                    "Origin", "https://app.example.com").statusCode()).isEqualTo(200);
            assertThat(other.post(ServerFixture.toolsList(1), "Authorization", "Bearer " + other.apiToken,
                    "Origin", "https://app.example.com.evil.net").statusCode()).isEqualTo(403);
        }
    }

    @Test
    void oauthDiscoveryPathsAre404WithoutAdvertisingAnything() throws Exception {
        for (String path : new String[] {"/.well-known/oauth-protected-resource",
            "/.well-known/oauth-protected-resource/mcp/v1", "/.well-known/oauth-authorization-server",
            "/.well-known/openid-configuration"}) {
            HttpResponse<String> r = fx.send(HttpRequest.newBuilder(URI.create(fx.server.baseUri() + path)).build());
            assertThat(r.statusCode()).as(path).isEqualTo(404);
            assertThat(r.headers().firstValue("WWW-Authenticate")).isEmpty();
        }
    }

    @Test
    void unknownPathsNeedATokenThen404() throws Exception {
        for (String path : new String[] {"/mcp/v1/", "//mcp/v1", "/mcp%2Fv1", "/nope", "/mcp"}) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(fx.server.baseUri() + path))
                    .timeout(Duration.ofSeconds(5)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(ServerFixture.toolsList(1)));
            assertThat(fx.send(b.build()).statusCode()).as(path).isEqualTo(401);
            assertThat(fx.send(b.header("Authorization", "Bearer " + fx.apiToken).build()).statusCode()).as(path)
                    .isEqualTo(404);
        }
    }

    @Test
    void noAuthServerServesWithoutTokenAndHasNoLogin() throws Exception {
        try (ServerFixture open = ServerFixture.builder().noAuth().start()) {
            JsonNode list = ServerFixture.json(open.post(ServerFixture.toolsList(1)));
            assertThat(list.at("/result/tools").size()).isEqualTo(4);
            JsonNode who = ServerFixture.json(open.post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\","
                    + "\"params\":{\"name\":\"whoami\"}}"));
            assertThat(who.at("/result/content/0/text").asText()).isEqualTo("ANONYMOUS anonymous");
            JsonNode login = ServerFixture.json(open.post(ServerFixture.login("alice", "SecurePassword123!")));
            assertThat(login.at("/error/code").asInt()).isEqualTo(-32602);
        }
    }
}
