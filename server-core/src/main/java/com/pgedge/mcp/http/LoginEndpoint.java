package com.pgedge.mcp.http;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.pgedge.mcp.auth.AuthService;
import com.pgedge.mcp.auth.LoginResult;
import com.pgedge.mcp.mcp.IncomingMessage;
import com.pgedge.mcp.mcp.JsonRpcError;
import com.pgedge.mcp.mcp.McpDispatcher;
import com.pgedge.mcp.mcp.McpJson;
import io.undertow.server.HttpServerExchange;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code authenticate_user} tool (SPEC §3.1), which only exists over HTTP with auth on.
 * bcrypt takes ~250 ms of CPU, so logins run on their own small bounded pool, never on an I/O
 * thread and never on the workers that serve token-authenticated calls. When that pool and its
 * short queue are full, a login is refused at once: a burst of logins cannot starve other traffic.
 */
final class LoginEndpoint implements AutoCloseable {

    static final String BUSY_MESSAGE = "The server is busy with other logins. Please try again shortly.";

    private static final Logger LOG = LoggerFactory.getLogger(LoginEndpoint.class);

    private final AuthService auth;
    private final McpDispatcher dispatcher;
    private final ThreadPoolExecutor pool;

    LoginEndpoint(AuthService auth, McpDispatcher dispatcher, HttpLimits limits) {
        this.auth = auth;
        this.dispatcher = dispatcher;
        this.pool = new ThreadPoolExecutor(limits.loginThreads(), limits.loginThreads(), 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(Math.max(1, limits.loginQueue())), new LoginThreads(),
                new ThreadPoolExecutor.AbortPolicy());
    }

    /** Called on the I/O thread with a parsed {@code tools/call} of {@code authenticate_user}. */
    void handle(HttpServerExchange exchange, IncomingMessage.Request request, String clientAddress) {
        JsonNode arguments = request.params().get("arguments");
        JsonNode username = arguments == null ? null : arguments.get("username");
        JsonNode password = arguments == null ? null : arguments.get("password");
        if (username == null || !username.isTextual() || password == null || !password.isTextual()) {
            reply(exchange, 200, dispatcher.error(request.id(),
                    JsonRpcError.invalidParams("username and password must be given as strings")));
            return;
        }
        String user = username.asText();
        String secret = password.asText();
        Executor bounded = task -> {
            try {
                pool.execute(task);
            } catch (RejectedExecutionException e) {
                exchange.getResponseHeaders().put(JsonReplies.RETRY_AFTER, "1");
                reply(exchange, 503, failure(request, BUSY_MESSAGE));
            }
        };
        exchange.dispatch(bounded, () -> login(exchange, request, user, secret, clientAddress));
    }

    private void login(HttpServerExchange exchange, IncomingMessage.Request request, String username,
                       String password, String clientAddress) {
        LoginResult result;
        try {
            result = auth.login(username, password, clientAddress);
        } catch (RuntimeException e) {
            // Never the message: it could name the account or the file. The class is enough to debug.
            LOG.warn("Login failed with an internal error: {}", e.getClass().getName());
            result = LoginResult.failure(LoginResult.FailureReason.INVALID_INPUT);
        }
        if (result.status() == LoginResult.Status.SUCCESS) {
            reply(exchange, 200, McpDispatcher.result(request.id(), success(result)));
        } else if (result.status() == LoginResult.Status.RATE_LIMITED) {
            exchange.getResponseHeaders().put(JsonReplies.RETRY_AFTER,
                    JsonReplies.retryAfterSeconds(result.retryAfter()));
            reply(exchange, 429, failure(request, result.clientMessage()));
        } else {
            reply(exchange, 200, failure(request, result.clientMessage()));
        }
    }

    /** The exact text of SPEC §3.1, spacing included: clients written for the reference parse it. */
    static ObjectNode success(LoginResult result) {
        Instant expires = result.expiresAt().truncatedTo(ChronoUnit.SECONDS);
        String text = "{\"success\": true, \"session_token\": \"" + quote(result.sessionToken())
                + "\", \"expires_at\": \"" + expires + "\", \"message\": \"Authentication successful\"}";
        ObjectNode body = McpJson.mapper().createObjectNode();
        ObjectNode item = body.putArray("content").addObject();
        item.put("type", "text");
        item.put("text", text);
        return body;
    }

    private ObjectNode failure(IncomingMessage.Request request, String message) {
        return dispatcher.error(request.id(), new JsonRpcError(JsonRpcError.AUTHENTICATION_FAILED,
                "Authentication failed", McpJson.mapper().getNodeFactory().textNode(message)));
    }

    private void reply(HttpServerExchange exchange, int status, ObjectNode response) {
        JsonReplies.send(exchange, status, dispatcher.toBytes(response));
    }

    private static String quote(String value) {
        return new String(JsonStringEncoder.getInstance().quoteAsString(value));
    }

    /** Stops taking logins and waits briefly for running ones. */
    @Override
    public void close() {
        pool.shutdown();
        try {
            if (!pool.awaitTermination(5, TimeUnit.SECONDS)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private static final class LoginThreads implements ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(task, "mcp-login-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}
