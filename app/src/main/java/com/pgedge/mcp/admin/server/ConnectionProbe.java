package com.pgedge.mcp.admin.server;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Locale;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Calls an MCP endpoint as a client would: {@code initialize}, then {@code tools/list}, with
 * {@code Authorization: Bearer <token>}, and says in words what went wrong (nothing listening,
 * 401, wrong path, TLS, timeout). Blocking: run it off the UI thread. The token is sent only in
 * the header and never appears in a result text.
 */
public final class ConnectionProbe {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
            + "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},"
            + "\"clientInfo\":{\"name\":\"pgedge-postgres-mcp-admin\",\"version\":\"0.1.0\"}}}";
    private static final String INITIALIZED = "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}";
    private static final String TOOLS_LIST = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}";

    private final Duration timeout;

    public ConnectionProbe(Duration timeout) {
        this.timeout = timeout;
    }

    /** What a test said: whether it passed, and the sentence for the person. */
    public record Outcome(boolean ok, String text) {
    }

    /** A failure already put in words; the cause is not shown (it may hold nothing useful). */
    private static final class Refusal extends Exception {
        Refusal(String message) {
            super(message, null, false, false);
        }
    }

    public Outcome test(URI endpoint, String token) {
        if (token == null || token.isBlank()) {
            return new Outcome(false, "Paste a token (Tokens screen) in the Token field to test initialize and tools/list.");
        }
        HttpClient client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
        try {
            post(client, endpoint, token, INITIALIZE, "initialize");
            post(client, endpoint, token, INITIALIZED, null);
            JsonNode list = post(client, endpoint, token, TOOLS_LIST, "tools/list");
            int tools = list.path("result").path("tools").size();
            return new Outcome(true, "OK: initialize and tools/list succeeded (" + tools + (tools == 1 ? " tool)." : " tools)."));
        } catch (Refusal r) {
            return new Outcome(false, "Failed: " + r.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(false, "Failed: the test was cancelled.");
        } catch (IOException e) {
            return new Outcome(false, "Failed: " + explain(endpoint, e));
        }
    }

    /** Sends one JSON-RPC message; for a request ({@code method != null}) returns its response. */
    private JsonNode post(HttpClient client, URI endpoint, String token, String body, String method)
            throws IOException, InterruptedException, Refusal {
        HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .header("Authorization", "Bearer " + token.strip())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        int status = response.statusCode();
        String what = method == null ? "notifications/initialized" : method;
        switch (status) {
            case 200, 202, 204 -> {
            }
            case 401 -> throw new Refusal("401 Unauthorized: the token was not accepted (wrong, expired, or removed). "
                    + "Create a new one on the Tokens screen.");
            case 404 -> throw new Refusal("404 Not Found: wrong path. The URL must end in /mcp/v1 (it is " + endpoint.getPath() + ").");
            case 403 -> throw new Refusal("403 Forbidden: the server refused this client (origin not allowed).");
            case 429 -> throw new Refusal("429 Too Many Requests: this address is blocked for too many failures. "
                    + "Clear it on the Lockouts screen or wait.");
            default -> throw new Refusal(what + " got HTTP " + status + ".");
        }
        if (method == null) {
            return null;
        }
        JsonNode node;
        try {
            node = JSON.readTree(jsonPart(response.body()));
        } catch (IOException e) {
            throw new Refusal(method + " answered with something that is not JSON-RPC: is this an MCP server?");
        }
        if (node == null || node.has("error")) {
            String message = node == null ? "an empty answer" : node.path("error").path("message").asText("an error");
            throw new Refusal(method + " returned an error: " + message + ".");
        }
        return node;
    }

    /** A streamable-HTTP server may answer as a one-event stream: take its data line. */
    private static String jsonPart(String body) {
        String b = body.strip();
        if (b.startsWith("{")) {
            return b;
        }
        StringBuilder data = new StringBuilder();
        for (String line : b.split("\r?\n")) {
            if (line.startsWith("data:")) {
                data.append(line.substring(5).strip());
            }
        }
        return data.toString();
    }

    String explain(URI endpoint, IOException e) {
        String where = endpoint.getHost() + ":" + port(endpoint);
        if (e instanceof HttpConnectTimeoutException) {
            return "timed out connecting to " + where + ": a firewall, or a wrong host.";
        }
        if (e instanceof HttpTimeoutException) {
            return "timed out: " + where + " accepted the connection but gave no answer within "
                    + timeout.toSeconds() + " s. If the server uses TLS, the URL must start with https://.";
        }
        if (e instanceof ConnectException) {
            return "connection refused: nothing is listening at " + where + ". Is the server running, and is the address right?";
        }
        if (e instanceof SSLHandshakeException) {
            return "TLS handshake failed: Java does not trust the server's certificate (self-signed, or its CA is not installed). "
                    + "Clients need the issuing CA.";
        }
        if (e instanceof SSLException) {
            return "TLS failed: " + where + " does not speak TLS. Use http:// for a server without TLS.";
        }
        String text = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
        if ("http".equals(endpoint.getScheme()) && (text.contains("header parser") || text.contains("reset")
                || text.contains("closed") || text.contains("eof"))) {
            return "the connection was closed without an answer. If the server uses TLS, the URL must start with https://.";
        }
        if ("http".equals(endpoint.getScheme()) && text.contains("status line")) {
            // A TLS server answers a plain request with a TLS alert, which is not HTTP.
            return "the answer was not HTTP: the server speaks TLS there, so the URL must start with https://.";
        }
        return "could not reach " + where + " (" + e.getClass().getSimpleName() + ").";
    }

    private static int port(URI u) {
        return u.getPort() >= 0 ? u.getPort() : "https".equals(u.getScheme()) ? 443 : 80;
    }
}
