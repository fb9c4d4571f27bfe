package com.pgedge.mcp.http;

import com.pgedge.mcp.auth.AuthPrincipal;
import com.pgedge.mcp.auth.AuthService;
import com.pgedge.mcp.auth.BearerResult;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderValues;
import io.undertow.util.Headers;

/**
 * The bearer-token check at the edge, on the I/O thread: {@link AuthService#checkBearer} is a
 * hash and a map lookup and never blocks. Only {@code Authorization: Bearer <token>} is read;
 * a token in the query string or anywhere else is never looked at.
 */
final class BearerCheck {

    /** Longest token worth hashing; ours are 44 characters. */
    private static final int MAX_TOKEN_LENGTH = 512;
    private static final String PREFIX = "Bearer ";

    /**
     * @param principal the caller when a token was accepted, {@code null} otherwise
     * @param replied   the request was refused and already answered (401 or 429)
     */
    record Outcome(AuthPrincipal principal, boolean replied) {
        static final Outcome NO_TOKEN = new Outcome(null, false);
        static final Outcome REPLIED = new Outcome(null, true);
    }

    private final AuthService auth;

    BearerCheck(AuthService auth) {
        this.auth = auth;
    }

    /** Checks the request's token. With no {@code Authorization} header the outcome is {@link Outcome#NO_TOKEN}. */
    Outcome check(HttpServerExchange exchange, String clientAddress) {
        HeaderValues values = exchange.getRequestHeaders().get(Headers.AUTHORIZATION);
        if (values == null || values.isEmpty()) {
            return Outcome.NO_TOKEN;
        }
        String token = values.size() == 1 ? extract(values.getFirst()) : null;
        if (token == null) {
            // Two headers, another scheme, stray spaces or characters: not a token we could ever issue.
            JsonReplies.unauthorized(exchange);
            return Outcome.REPLIED;
        }
        BearerResult result = auth.checkBearer(token, clientAddress);
        if (result != null && result.status() == BearerResult.Status.ACCEPTED && result.principal() != null) {
            return new Outcome(result.principal(), false);
        }
        if (result != null && result.status() == BearerResult.Status.RATE_LIMITED) {
            JsonReplies.tooManyRequests(exchange, result.retryAfter());
        } else {
            JsonReplies.unauthorized(exchange);
        }
        return Outcome.REPLIED;
    }

    /**
     * The token of an {@code Authorization} value of exactly {@code "Bearer " + token68}
     * (RFC 6750 §2.1), or {@code null}.
     */
    static String extract(String header) {
        if (header == null || !header.startsWith(PREFIX)) {
            return null;
        }
        int length = header.length() - PREFIX.length();
        if (length < 1 || length > MAX_TOKEN_LENGTH) {
            return null;
        }
        boolean padding = false;
        for (int i = PREFIX.length(); i < header.length(); i++) {
            char c = header.charAt(i);
            boolean tokenChar = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~' || c == '+' || c == '/';
            if (c == '=') {
                padding = true;
            } else if (!tokenChar || padding) {
                return null;
            }
        }
        return header.substring(PREFIX.length());
    }
}
