package com.pgedge.mcp.http;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The server's few fixed HTTP answers. Bodies are constant texts: nothing from the request is
 * echoed, so no detail leaks and nothing needs escaping.
 */
final class JsonReplies {

    static final String APPLICATION_JSON = "application/json";
    static final HttpString RETRY_AFTER = new HttpString("Retry-After");
    static final String REALM = "Bearer realm=\"pgedge-postgres-mcp\"";

    private static final byte[] UNAUTHORIZED = body("Unauthorized");

    private JsonReplies() {
    }

    static void unauthorized(HttpServerExchange exchange) {
        exchange.getResponseHeaders().put(Headers.WWW_AUTHENTICATE, REALM);
        send(exchange, 401, UNAUTHORIZED);
    }

    static void tooManyRequests(HttpServerExchange exchange, Duration retryAfter) {
        exchange.getResponseHeaders().put(RETRY_AFTER, retryAfterSeconds(retryAfter));
        send(exchange, 429, body("Too many requests"));
    }

    static void error(HttpServerExchange exchange, int status, String message) {
        send(exchange, status, body(message));
    }

    static void methodNotAllowed(HttpServerExchange exchange, String allow) {
        exchange.getResponseHeaders().put(Headers.ALLOW, allow);
        send(exchange, 405, body("Method not allowed"));
    }

    /** Replies and closes the connection: used when the rest of the request cannot be trusted or read. */
    static void errorAndClose(HttpServerExchange exchange, int status, String message) {
        exchange.setPersistent(false);
        exchange.getResponseHeaders().put(Headers.CONNECTION, "close");
        send(exchange, status, body(message));
    }

    static void send(HttpServerExchange exchange, int status, byte[] json) {
        if (exchange.isResponseStarted()) {
            return;
        }
        exchange.setStatusCode(status);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, APPLICATION_JSON);
        exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-store");
        exchange.getResponseSender().send(ByteBuffer.wrap(json));
    }

    static String retryAfterSeconds(Duration retryAfter) {
        long seconds = retryAfter == null ? 60 : Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        return Long.toString(seconds);
    }

    private static byte[] body(String message) {
        return ("{\"error\": \"" + message + "\"}").getBytes(StandardCharsets.UTF_8);
    }
}
