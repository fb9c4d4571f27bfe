package com.pgedge.mcp.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.pgedge.mcp.cli.Version;
import com.pgedge.mcp.mcp.McpDispatcher;
import com.pgedge.mcp.mcp.McpJson;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Methods;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes by exact path: no prefix matching and no normalisation, so {@code //mcp/v1},
 * {@code /mcp/v1/} or encoded slashes are unknown paths, which still need a token (then 404).
 * OAuth discovery is never advertised: {@code /.well-known/*} is a plain 404 (SPEC §2).
 */
final class RootHandler implements HttpHandler {

    static final String MCP_PATH = "/mcp/v1";
    static final String HEALTH_PATH = "/health";

    private static final Logger LOG = LoggerFactory.getLogger("com.pgedge.mcp.http.access");

    private final McpEndpoint mcp;
    private final BearerCheck bearer;
    private final byte[] health;

    RootHandler(McpEndpoint mcp, BearerCheck bearer) {
        this.mcp = mcp;
        this.bearer = bearer;
        ObjectNode body = McpJson.mapper().createObjectNode();
        body.put("status", "ok");
        body.put("server", McpDispatcher.SERVER_NAME);
        body.put("version", Version.current());
        this.health = body.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        if (LOG.isDebugEnabled()) {
            logOnCompletion(exchange);
        }
        String path = exchange.getRequestPath();
        if (MCP_PATH.equals(path)) {
            mcp.handleRequest(exchange);
        } else if (HEALTH_PATH.equals(path)) {
            if (Methods.GET.equals(exchange.getRequestMethod()) || Methods.HEAD.equals(exchange.getRequestMethod())) {
                JsonReplies.send(exchange, 200, health);
            } else {
                JsonReplies.methodNotAllowed(exchange, "GET, HEAD");
            }
        } else if (path.startsWith("/.well-known/")) {
            JsonReplies.error(exchange, 404, "Not found");
        } else if (bearer == null) {
            JsonReplies.error(exchange, 404, "Not found");
        } else {
            BearerCheck.Outcome outcome = bearer.check(exchange, mcp.clientAddress(exchange));
            if (outcome.replied()) {
                return;
            }
            if (outcome.principal() == null) {
                JsonReplies.unauthorized(exchange);
            } else {
                JsonReplies.error(exchange, 404, "Not found");
            }
        }
    }

    /** Debug access log: method, path, status, time, client. Never headers, query strings or bodies. */
    private void logOnCompletion(HttpServerExchange exchange) {
        long start = System.nanoTime();
        String method = exchange.getRequestMethod().toString();
        String path = exchange.getRequestPath();
        String peer = String.valueOf(exchange.getSourceAddress());
        exchange.addExchangeCompleteListener((ex, next) -> {
            LOG.debug("{} {} -> {} in {} ms from {}", method, path, ex.getStatusCode(),
                    (System.nanoTime() - start) / 1_000_000, peer);
            next.proceed();
        });
    }
}
