package com.pgedge.mcp.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.pgedge.mcp.auth.AuthPrincipal;
import com.pgedge.mcp.mcp.IncomingMessage;
import com.pgedge.mcp.mcp.McpDispatcher;
import com.pgedge.mcp.mcp.ProtocolVersions;
import com.pgedge.mcp.mcp.ToolCallContext;
import com.pgedge.mcp.mcp.ToolRegistry;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.RequestTooBigException;
import io.undertow.util.HeaderMap;
import io.undertow.util.HeaderValues;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.xnio.IoUtils;
import org.xnio.XnioExecutor;

/**
 * {@code POST /mcp/v1}: MCP Streamable HTTP with JSON replies, stateless (SPEC §2, §3).
 *
 * <p>Everything up to the token check runs on the I/O thread and never blocks. The body is
 * received asynchronously (a slow client holds no thread) under a size cap and a deadline. Tool
 * calls and resource reads then move to a worker; logins move to their own bounded pool;
 * {@code initialize}, {@code ping} and the lists are answered from memory on the I/O thread.
 */
final class McpEndpoint implements HttpHandler {

    static final HttpString PROTOCOL_VERSION = new HttpString("MCP-Protocol-Version");
    private static final HttpString X_FORWARDED_FOR = new HttpString("X-Forwarded-For");
    private static final HttpString X_REAL_IP = new HttpString("X-Real-IP");

    /** Oversized bodies up to this size are read and discarded so the 413 reaches the client. */
    static final long DRAIN_LIMIT = 16 * HttpLimits.ONE_MIB;
    /** Undertow's own hard limit, only reached if our count failed. */
    static final long HARD_LIMIT = DRAIN_LIMIT + HttpLimits.ONE_MIB;

    private final McpDispatcher dispatcher;
    private final BearerCheck bearer;        // null when auth is off
    private final LoginEndpoint login;       // null when auth is off
    private final TrustedProxies proxies;
    private final OriginPolicy origins;
    private final HttpLimits limits;

    McpEndpoint(McpDispatcher dispatcher, BearerCheck bearer, LoginEndpoint login, TrustedProxies proxies,
                OriginPolicy origins, HttpLimits limits) {
        this.dispatcher = dispatcher;
        this.bearer = bearer;
        this.login = login;
        this.proxies = proxies;
        this.origins = origins;
        this.limits = limits;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        if (!Methods.POST.equals(exchange.getRequestMethod())) {
            // No SSE stream (GET) and no sessions to end (DELETE): 405 tells clients so (MCP transport spec).
            JsonReplies.methodNotAllowed(exchange, "POST");
            return;
        }
        HeaderMap headers = exchange.getRequestHeaders();
        if (!originAllowed(headers)) {
            JsonReplies.error(exchange, 403, "Forbidden");
            return;
        }
        if (headers.contains(Headers.TRANSFER_ENCODING) && headers.contains(Headers.CONTENT_LENGTH)
                || headers.count(Headers.CONTENT_LENGTH) > 1) {
            // Ambiguous framing is how request smuggling starts: refuse and drop the connection.
            JsonReplies.errorAndClose(exchange, 400, "Bad request");
            return;
        }
        if (exchange.getRequestContentLength() > DRAIN_LIMIT) {
            JsonReplies.errorAndClose(exchange, 413, "Request body too large");
            return;
        }
        String client = clientAddress(exchange);
        AuthPrincipal principal;
        if (bearer == null) {
            principal = AuthPrincipal.anonymous();
        } else {
            BearerCheck.Outcome outcome = bearer.check(exchange, client);
            if (outcome.replied()) {
                return;
            }
            principal = outcome.principal(); // null: no token, only a login may pass
        }
        int status = contentNegotiation(headers);
        if (status != 0) {
            if (principal == null) {
                JsonReplies.unauthorized(exchange);
            } else {
                JsonReplies.error(exchange, status, reasonFor(status));
            }
            return;
        }
        receive(exchange, principal, client);
    }

    /**
     * Receives the body without holding a thread. Past the limit the rest is read and thrown
     * away (up to {@link #DRAIN_LIMIT}) so the client, still sending, reliably sees the 413
     * instead of a connection reset; nothing beyond the limit is ever kept in memory.
     */
    private void receive(HttpServerExchange exchange, AuthPrincipal principal, String client) {
        long contentLength = exchange.getRequestContentLength();
        // The 1 MiB limit is counted here, not by Undertow: its chunked-body check closes the
        // connection before any answer can be sent. Undertow's own limit (the server option)
        // sits just above DRAIN_LIMIT as a last resort.
        XnioExecutor.Key deadline = exchange.getIoThread().executeAfter(() -> {
            if (!exchange.isRequestComplete() && !exchange.isResponseStarted()) {
                IoUtils.safeClose(exchange.getConnection()); // the body did not arrive in time
            }
        }, limits.bodyTimeout().toMillis(), TimeUnit.MILLISECONDS);
        BodyBuffer body = new BodyBuffer(limits.maxBodyBytes(), contentLength);
        exchange.getRequestReceiver().receivePartialBytes(
                (ex, chunk, last) -> {
                    body.append(chunk);
                    if (!last) {
                        if (body.received() > DRAIN_LIMIT) {
                            deadline.remove();
                            ex.getRequestReceiver().pause();
                            JsonReplies.errorAndClose(ex, 413, "Request body too large");
                        }
                        return;
                    }
                    deadline.remove();
                    if (body.overLimit()) {
                        JsonReplies.error(ex, 413, "Request body too large");
                    } else {
                        onBody(ex, body.bytes(), body.length(), principal, client);
                    }
                },
                (ex, error) -> {
                    deadline.remove();
                    onReadError(ex, error);
                });
    }

    /** Collects a body up to the limit; past it, only counts. */
    private static final class BodyBuffer {
        private final long limit;
        private byte[] data;
        private int length;
        private boolean overLimit;
        private long received;

        BodyBuffer(long limit, long contentLength) {
            this.limit = limit;
            this.data = new byte[(int) Math.max(256, Math.min(limit, contentLength < 0 ? 4096 : contentLength))];
        }

        long received() {
            return received;
        }

        void append(byte[] chunk) {
            received += chunk.length;
            if (overLimit || chunk.length == 0) {
                return;
            }
            if ((long) length + chunk.length > limit) {
                overLimit = true;
                data = null;
                return;
            }
            if (length + chunk.length > data.length) {
                data = java.util.Arrays.copyOf(data, (int) Math.min(limit, Math.max(data.length * 2L,
                        (long) length + chunk.length)));
            }
            System.arraycopy(chunk, 0, data, length, chunk.length);
            length += chunk.length;
        }

        boolean overLimit() {
            return overLimit;
        }

        byte[] bytes() {
            return data;
        }

        int length() {
            return length;
        }
    }

    private void onBody(HttpServerExchange exchange, byte[] body, int length, AuthPrincipal principal,
                        String client) {
        IncomingMessage message = dispatcher.parse(body, 0, length);
        if (principal == null && !isLogin(message)) {
            JsonReplies.unauthorized(exchange);
            return;
        }
        if (message instanceof IncomingMessage.Invalid invalid) {
            // The transport could not accept the input: HTTP 400 with a JSON-RPC error body.
            JsonReplies.send(exchange, 400, dispatcher.toBytes(dispatcher.error(invalid.id(), invalid.error())));
            return;
        }
        if (!(message instanceof IncomingMessage.Request request)) {
            exchange.setStatusCode(202); // notification or posted response: accepted, no body
            exchange.endExchange();
            return;
        }
        if (login != null && isLogin(message)) {
            login.handle(exchange, request, client);
            return;
        }
        ToolCallContext context = new ToolCallContext(principal);
        if (dispatcher.mayBlock(request)) {
            exchange.dispatch(() -> reply(exchange, dispatcher.dispatch(request, context)));
        } else {
            reply(exchange, dispatcher.dispatch(request, context));
        }
    }

    private void reply(HttpServerExchange exchange, ObjectNode response) {
        JsonReplies.send(exchange, 200, dispatcher.toBytes(response));
    }

    private static void onReadError(HttpServerExchange exchange, IOException error) {
        if (error instanceof RequestTooBigException) {
            JsonReplies.errorAndClose(exchange, 413, "Request body too large");
        } else {
            // The peer went away or sent a broken body: nobody to answer.
            IoUtils.safeClose(exchange.getConnection());
        }
    }

    private static boolean isLogin(IncomingMessage message) {
        return message instanceof IncomingMessage.Request request
                && ToolRegistry.AUTHENTICATE_USER.equals(request.toolName());
    }

    private boolean originAllowed(HeaderMap headers) {
        HeaderValues origin = headers.get(Headers.ORIGIN);
        if (origin == null || origin.isEmpty()) {
            return true;
        }
        return origin.size() == 1 && origins.allows(origin.getFirst());
    }

    String clientAddress(HttpServerExchange exchange) {
        if (proxies.isEmpty()) {
            return exchange.getSourceAddress().getAddress().getHostAddress();
        }
        HeaderValues forwarded = exchange.getRequestHeaders().get(X_FORWARDED_FOR);
        return proxies.clientAddress(exchange.getSourceAddress(), forwarded == null ? List.of() : forwarded,
                exchange.getRequestHeaders().getFirst(X_REAL_IP));
    }

    /** 415, 406 or 400 for a request this endpoint cannot take, 0 when it is fine. */
    private static int contentNegotiation(HeaderMap headers) {
        String contentType = headers.getFirst(Headers.CONTENT_TYPE);
        if (contentType == null || !mediaType(contentType).equals("application/json")) {
            return 415;
        }
        HeaderValues accept = headers.get(Headers.ACCEPT);
        if (accept != null && !accept.isEmpty() && !acceptsJson(accept)) {
            return 406;
        }
        HeaderValues version = headers.get(PROTOCOL_VERSION);
        if (version != null && (version.size() != 1 || !ProtocolVersions.isSupported(version.getFirst().trim()))) {
            return 400;
        }
        return 0;
    }

    private static String reasonFor(int status) {
        return switch (status) {
            case 415 -> "Content-Type must be application/json";
            case 406 -> "Accept must allow application/json";
            case 400 -> "Unsupported MCP-Protocol-Version; supported: " + String.join(", ", ProtocolVersions.SUPPORTED);
            default -> "Bad request";
        };
    }

    private static String mediaType(String value) {
        int semicolon = value.indexOf(';');
        return (semicolon < 0 ? value : value.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }

    private static boolean acceptsJson(HeaderValues accept) {
        for (String header : accept) {
            for (String range : header.split(",")) {
                String type = mediaType(range);
                if ((type.equals("application/json") || type.equals("application/*") || type.equals("*/*"))
                        && !range.replace(" ", "").toLowerCase(Locale.ROOT).matches(".*;q=0(\\.0*)?(;.*)?$")) {
                    return true;
                }
            }
        }
        return false;
    }
}
