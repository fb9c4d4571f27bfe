package com.pgedge.mcp.http;

import com.pgedge.mcp.auth.MutableClock;
import com.fasterxml.jackson.databind.JsonNode;
import com.pgedge.mcp.auth.AuthService;
import com.pgedge.mcp.auth.AuthSettings;
import com.pgedge.mcp.config.ServerConfig;
import com.pgedge.mcp.mcp.McpJson;
import com.pgedge.mcp.mcp.TestTools;
import com.pgedge.mcp.mcp.ToolRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A real server on a free loopback port with a real AuthService over real files in a temp
 * folder: one API token and one user, alice / SecurePassword123!.
 */
final class ServerFixture implements AutoCloseable {

    static final String USER = "alice";
    static final String PASSWORD = "SecurePassword123!";

    final Path dir;
    final MutableClock clock;
    final AuthService auth;
    final McpHttpServer server;
    final String apiToken;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ServerFixture(Path dir, MutableClock clock, AuthService auth, McpHttpServer server, String apiToken) {
        this.dir = dir;
        this.clock = clock;
        this.auth = auth;
        this.server = server;
        this.apiToken = apiToken;
    }

    static Builder builder() {
        return new Builder();
    }

    static ServerFixture start() throws IOException {
        return builder().start();
    }

    static final class Builder {
        boolean authOn = true;
        int lockout = 0;
        int rateLimit = 10;
        List<String> trustedProxies = List.of();
        List<String> allowedOrigins = List.of();
        ServerConfig.TlsConfig tls = new ServerConfig.TlsConfig(false, null, null, null);
        HttpLimits limits = HttpLimits.defaults();
        ToolRegistry registry = TestTools.registry();
        boolean watch = false;
        int bcryptCost = 4;

        Builder noAuth() {
            authOn = false;
            return this;
        }

        Builder lockout(int n) {
            lockout = n;
            return this;
        }

        Builder rateLimit(int n) {
            rateLimit = n;
            return this;
        }

        Builder trustedProxies(String... cidrs) {
            trustedProxies = List.of(cidrs);
            return this;
        }

        Builder allowedOrigins(String... origins) {
            allowedOrigins = List.of(origins);
            return this;
        }

        Builder tls(ServerConfig.TlsConfig config) {
            tls = config;
            return this;
        }

        Builder limits(UnaryOperator<HttpLimits> change) {
            limits = change.apply(limits);
            return this;
        }

        Builder registry(ToolRegistry tools) {
            registry = tools;
            return this;
        }

        /** The real cost (12) where a test needs logins to be as slow as in production. */
        Builder bcryptCost(int cost) {
            bcryptCost = cost;
            return this;
        }

        Builder watch() {
            watch = true;
            return this;
        }

        ServerFixture start() throws IOException {
            Path dir = Files.createTempDirectory("mcp-http-test");
            MutableClock clock = new MutableClock(java.time.Instant.now());
            AuthSettings settings = AuthSettings.defaults(dir.resolve("tokens.yaml"), dir.resolve("users.yaml"))
                    .withLockout(lockout).withRateLimit(Duration.ofMinutes(15), rateLimit);
            AuthService auth = AuthService.open(settings, clock, bcryptCost);
            String token = auth.addToken("test token", (Duration) null, null).plaintext();
            auth.addUser(USER, PASSWORD, "Alice");
            if (watch) {
                auth.start();
            }
            ServerConfig config = new ServerConfig(null, new ServerConfig.HttpConfig(true, "127.0.0.1:0",
                    trustedProxies, allowedOrigins, tls,
                    new ServerConfig.AuthConfig(authOn, settings.tokenFile(), settings.userFile(), null, lockout, 15,
                            rateLimit)), List.of(), false, false);
            McpHttpServer server = new McpHttpServer(config, auth, registry, limits);
            server.start();
            return new ServerFixture(dir, clock, auth, server, token);
        }
    }

    URI mcpUri() {
        return server.endpoint();
    }

    int port() {
        return server.port();
    }

    /** POST a JSON body to /mcp/v1 with the usual headers plus {@code headers} (name, value pairs). */
    HttpResponse<String> post(String json, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(mcpUri())
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        for (int i = 0; i < headers.length; i += 2) {
            request.setHeader(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> postWithToken(String json, String token) throws IOException, InterruptedException {
        return post(json, "Authorization", "Bearer " + token);
    }

    HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    static String toolsList(int id) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"tools/list\",\"params\":{}}";
    }

    static String echo(int id, String message) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"tools/call\",\"params\":{\"name\":\"echo\","
                + "\"arguments\":{\"message\":\"" + message + "\"}}}";
    }

    static String login(String username, String password) {
        return "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"authenticate_user\","
                + "\"arguments\":{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}}}";
    }

    /** Logs in over HTTP and returns the session token from the exact success text. */
    String sessionToken() throws IOException, InterruptedException {
        HttpResponse<String> response = post(login(USER, PASSWORD));
        JsonNode body = McpJson.mapper().readTree(response.body());
        JsonNode text = McpJson.mapper().readTree(body.path("result").path("content").path(0).path("text").asText());
        String token = text.path("session_token").asText();
        if (token.length() != 44) {
            throw new AssertionError("no session token in " + response.statusCode() + " " + response.body());
        }
        return token;
    }

    static JsonNode json(HttpResponse<String> response) throws IOException {
        return McpJson.mapper().readTree(response.body());
    }

    @Override
    public void close() {
        server.stop();
        auth.close();
        deleteTree(dir);
    }

    private static void deleteTree(Path dir) {
        try (var walk = Files.walk(dir)) {
            List<Path> paths = new ArrayList<>(walk.toList());
            java.util.Collections.reverse(paths);
            for (Path p : paths) {
                Files.deleteIfExists(p);
            }
        } catch (IOException ignored) {
            // temp folder; best effort
        }
    }
}
