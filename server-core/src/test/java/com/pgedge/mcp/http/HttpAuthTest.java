package com.pgedge.mcp.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.pgedge.mcp.auth.BlockedAddress;
import com.pgedge.mcp.auth.LoginResult;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Authentication at the HTTP edge (SPEC §2, §3.1, §4) against a real server and real files. */
class HttpAuthTest {

    static ServerFixture fx;

    @BeforeAll
    static void start() throws Exception {
        // A high limit, so that the many refusals here do not block the test client's address.
        fx = ServerFixture.builder().rateLimit(1000).start();
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    private static void assertUnauthorized(HttpResponse<String> r) {
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.body()).isEqualTo("{\"error\": \"Unauthorized\"}");
        assertThat(r.headers().firstValue("Content-Type")).contains("application/json");
        assertThat(r.headers().firstValue("WWW-Authenticate")).contains("Bearer realm=\"pgedge-postgres-mcp\"");
        assertThat(r.headers().map().toString()).doesNotContain("resource_metadata");
    }

    @Test
    void everyBadOrMissingTokenGetsTheSame401() throws Exception {
        String valid = fx.apiToken;
        assertUnauthorized(fx.post(ServerFixture.toolsList(1)));
        String[] headers = {
            "Basic " + valid, "bearer " + valid, "BEARER " + valid,
            "Bearer", "Bearer ", "Bearer x", "Bearer " + "A".repeat(10_000), "Bearer !!not-base64!!",
            "Bearer " + valid + "x", "Bearer " + valid.substring(1), "Bearer ünïcode", "Token " + valid,
            "Bearer " + valid + ", Bearer " + valid,
        };
        for (String header : headers) {
            HttpResponse<String> r = fx.post(ServerFixture.toolsList(1), "Authorization", header);
            assertThat(r.statusCode()).as(header.length() > 80 ? header.substring(0, 80) : header).isEqualTo(401);
            assertUnauthorized(r);
        }
        // The same header twice.
        HttpRequest twice = HttpRequest.newBuilder(fx.mcpUri()).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + valid).header("Authorization", "Bearer " + valid)
                .POST(HttpRequest.BodyPublishers.ofString(ServerFixture.toolsList(1))).build();
        assertUnauthorized(fx.send(twice));
    }

    @Test
    void oddSpacingSentRawIsRefused() throws Exception {
        // (Undertow folds a run of spaces inside a header value into one, so "Bearer  <token>"
        // arrives as the exact right header; what follows are real differences.)
        for (String header : new String[] {"Bearer\t" + fx.apiToken, "Bearer " + fx.apiToken + " x",
            "Bearer " + fx.apiToken + "\t;"}) {
            try (RawHttp raw = new RawHttp(fx.port())) {
                raw.write(RawHttp.post("/mcp/v1", "Authorization: " + header + "\r\n", ServerFixture.toolsList(1)));
                assertThat(raw.read().status()).as(header).isEqualTo(401);
            }
        }
    }

    @Test
    void tokenInTheQueryStringIsNeverAccepted() throws Exception {
        for (String query : new String[] {"?token=", "?access_token=", "?auth="}) {
            HttpRequest r = HttpRequest.newBuilder(URI.create(fx.mcpUri() + query + fx.apiToken))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(ServerFixture.toolsList(1))).build();
            assertUnauthorized(fx.send(r));
        }
    }

    @Test
    void expiredApiTokenIsRefused() throws Exception {
        String shortLived = fx.auth.addToken("short", Duration.ofHours(1), null).plaintext();
        assertThat(fx.postWithToken(ServerFixture.toolsList(1), shortLived).statusCode()).isEqualTo(200);
        fx.clock.advance(Duration.ofHours(2));
        try {
            assertUnauthorized(fx.postWithToken(ServerFixture.toolsList(1), shortLived));
            assertThat(fx.postWithToken(ServerFixture.toolsList(1), fx.apiToken).statusCode()).isEqualTo(200);
        } finally {
            fx.clock.advance(Duration.ofHours(-2));
        }
    }

    @Test
    void apiTokenAndSessionTokenReachToolsAsTheirPrincipal() throws Exception {
        String whoami = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"whoami\"}}";
        assertThat(ServerFixture.json(fx.postWithToken(whoami, fx.apiToken)).at("/result/content/0/text").asText())
                .startsWith("API_TOKEN token-");
        String session = fx.sessionToken();
        assertThat(ServerFixture.json(fx.postWithToken(whoami, session)).at("/result/content/0/text").asText())
                .isEqualTo("SESSION alice");
    }

    @Test
    void loginSuccessHasTheExactReferenceText() throws Exception {
        HttpResponse<String> r = fx.post(ServerFixture.login(ServerFixture.USER, ServerFixture.PASSWORD));
        assertThat(r.statusCode()).isEqualTo(200);
        String text = ServerFixture.json(r).at("/result/content/0/text").asText();
        assertThat(text).matches("\\{\"success\": true, \"session_token\": \"[A-Za-z0-9_-]{43}=\", "
                + "\"expires_at\": \"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ\", "
                + "\"message\": \"Authentication successful\"}");
        assertThat(ServerFixture.json(r).at("/result/content/0/type").asText()).isEqualTo("text");
    }

    @Test
    void loginFailuresAreGenericAndIdenticalForUnknownUserAndWrongPassword() throws Exception {
        HttpResponse<String> wrong = fx.post(ServerFixture.login(ServerFixture.USER, "wrong-password"));
        HttpResponse<String> unknown = fx.post(ServerFixture.login("nobody", "wrong-password"));
        assertThat(wrong.statusCode()).isEqualTo(unknown.statusCode()).isEqualTo(200);
        assertThat(wrong.body()).isEqualTo(unknown.body());
        JsonNode error = ServerFixture.json(wrong).get("error");
        assertThat(error.get("data").asText()).isEqualTo(LoginResult.GENERIC_FAILURE_MESSAGE);
        assertThat(ServerFixture.json(wrong).has("result")).isFalse();
    }

    @Test
    void onlyALoginPassesWithoutAToken() throws Exception {
        // Other methods, other tools, notifications, bad JSON: all 401 without a token.
        assertUnauthorized(fx.post(ServerFixture.echo(1, "x")));
        assertUnauthorized(fx.post("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}"));
        assertUnauthorized(fx.post("{not json"));
        assertUnauthorized(fx.post("[" + ServerFixture.login(ServerFixture.USER, ServerFixture.PASSWORD) + "]"));
        assertUnauthorized(fx.post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\","
                + "\"params\":{\"name\":\"authenticate_user\"}}"));
        // A login needs no token, but only on POST /mcp/v1.
        HttpRequest elsewhere = HttpRequest.newBuilder(URI.create(fx.server.baseUri() + "/other"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(ServerFixture.login(ServerFixture.USER, ServerFixture.PASSWORD)))
                .build();
        assertUnauthorized(fx.send(elsewhere));
    }

    @Test
    void keepAliveConnectionCarriesNothingOverAfterA401() throws Exception {
        try (RawHttp raw = new RawHttp(fx.port())) {
            raw.write(RawHttp.post("/mcp/v1", "", ServerFixture.toolsList(1)));
            RawHttp.Response first = raw.read();
            assertThat(first.status()).isEqualTo(401);
            raw.write(RawHttp.post("/mcp/v1", "", ServerFixture.toolsList(2)));
            assertThat(raw.read().status()).isEqualTo(401);
            raw.write(RawHttp.post("/mcp/v1", "Authorization: Bearer " + fx.apiToken + "\r\n",
                    ServerFixture.toolsList(3)));
            assertThat(raw.read().status()).isEqualTo(200);
            raw.write(RawHttp.post("/mcp/v1", "", ServerFixture.toolsList(4)));
            assertThat(raw.read().status()).isEqualTo(401);
        }
    }

    @Test
    void crLfOrControlCharactersInAuthorizationNeverReachATool() throws Exception {
        try (RawHttp raw = new RawHttp(fx.port())) {
            raw.write(RawHttp.post("/mcp/v1", "Authorization: Bearer " + fx.apiToken + "\rX-Evil: 1\r\n",
                    ServerFixture.toolsList(1)));
            RawHttp.Response r = raw.read();
            assertThat(r.status()).isIn(400, 401);
        } catch (java.io.IOException closed) {
            // Undertow may just close a connection that sent a bare CR: also a refusal.
        }
        try (RawHttp raw = new RawHttp(fx.port())) {
            raw.write(RawHttp.post("/mcp/v1", "Authorization: Bearer \u0001" + fx.apiToken + "\r\n",
                    ServerFixture.toolsList(1)));
            assertThat(raw.read().status()).isIn(400, 401);
        } catch (java.io.IOException closed) {
            // closed: refused as well
        }
    }

    @Test
    void rateLimitedAddressGets429ForBadTokensButValidTokensStillWork() throws Exception {
        try (ServerFixture limited = ServerFixture.builder().rateLimit(3).start()) {
            for (int i = 0; i < 3; i++) {
                assertUnauthorized(limited.postWithToken(ServerFixture.toolsList(1), "wrong-token-" + i));
            }
            HttpResponse<String> blocked = limited.postWithToken(ServerFixture.toolsList(1), "wrong-token-x");
            assertThat(blocked.statusCode()).isEqualTo(429);
            assertThat(Long.parseLong(blocked.headers().firstValue("Retry-After").orElseThrow())).isPositive();
            assertThat(limited.postWithToken(ServerFixture.toolsList(1), limited.apiToken).statusCode()).isEqualTo(200);
            // A login from the blocked address: refused with the distinct rate-limit message, no bcrypt.
            HttpResponse<String> login = limited.post(ServerFixture.login(ServerFixture.USER, ServerFixture.PASSWORD));
            assertThat(login.statusCode()).isEqualTo(429);
            assertThat(login.headers().firstValue("Retry-After")).isPresent();
            assertThat(ServerFixture.json(login).at("/error/data").asText()).isEqualTo(LoginResult.RATE_LIMITED_MESSAGE);
            // After the window (moved clock) the address is free again.
            limited.clock.advance(Duration.ofMinutes(16));
            assertThat(limited.sessionToken()).hasSize(44);
        }
    }

    @Test
    void failedLoginsCountTowardTheLimitToo() throws Exception {
        try (ServerFixture limited = ServerFixture.builder().rateLimit(2).start()) {
            limited.post(ServerFixture.login("nobody", "x-wrong"));
            limited.post(ServerFixture.login(ServerFixture.USER, "x-wrong"));
            HttpResponse<String> third = limited.post(ServerFixture.login(ServerFixture.USER, ServerFixture.PASSWORD));
            assertThat(third.statusCode()).isEqualTo(429);
            assertThat(ServerFixture.json(third).at("/error/data").asText()).isEqualTo(LoginResult.RATE_LIMITED_MESSAGE);
        }
    }

    @Test
    void forwardedHeadersFromAnUntrustedPeerAreIgnored() throws Exception {
        try (ServerFixture limited = ServerFixture.builder().rateLimit(3).start()) {
            for (int i = 0; i < 3; i++) {
                limited.post(ServerFixture.toolsList(1), "Authorization", "Bearer nope" + i,
                        "X-Forwarded-For", "203.0.113." + i, "X-Real-IP", "198.51.100." + i);
            }
            HttpResponse<String> r = limited.post(ServerFixture.toolsList(1), "Authorization", "Bearer nope",
                    "X-Forwarded-For", "203.0.113.99", "X-Real-IP", "198.51.100.99");
            assertThat(r.statusCode()).isEqualTo(429);
            assertThat(limited.auth.blockedAddresses()).extracting(BlockedAddress::key).containsExactly("127.0.0.1");
        }
    }

    @Test
    void forwardedHeadersFromATrustedProxyNameTheRightMostUntrustedAddress() throws Exception {
        try (ServerFixture proxied = ServerFixture.builder().rateLimit(2).trustedProxies("127.0.0.0/8", "10.0.0.0/8")
                .start()) {
            // Rotating client addresses behind the proxy are separate clients: none gets blocked.
            for (int i = 0; i < 5; i++) {
                HttpResponse<String> r = proxied.post(ServerFixture.toolsList(1), "Authorization", "Bearer nope",
                        "X-Forwarded-For", "203.0.113." + i);
                assertThat(r.statusCode()).isEqualTo(401);
            }
            // A spoofed left-most entry does not help: the right-most untrusted hop is what counts.
            for (int i = 0; i < 3; i++) {
                proxied.post(ServerFixture.toolsList(1), "Authorization", "Bearer nope",
                        "X-Forwarded-For", "1.1.1." + i + ", 198.51.100.7, 10.1.2.3");
            }
            List<String> blocked = proxied.auth.blockedAddresses().stream().map(BlockedAddress::key).toList();
            assertThat(blocked).containsExactly("198.51.100.7");
            // X-Real-IP is used when there is no X-Forwarded-For.
            for (int i = 0; i < 3; i++) {
                proxied.post(ServerFixture.toolsList(1), "Authorization", "Bearer nope", "X-Real-IP", "192.0.2.44");
            }
            assertThat(proxied.auth.blockedAddresses().stream().map(BlockedAddress::key).toList())
                    .contains("192.0.2.44");
        }
    }

    @Test
    void lockoutOverHttpThenEnableUserLetsTheUserBackIn() throws Exception {
        try (ServerFixture locking = ServerFixture.builder().lockout(3).rateLimit(100).start()) {
            for (int i = 0; i < 3; i++) {
                HttpResponse<String> r = locking.post(ServerFixture.login(ServerFixture.USER, "wrong-" + i));
                assertThat(ServerFixture.json(r).at("/error/data").asText())
                        .isEqualTo(LoginResult.GENERIC_FAILURE_MESSAGE);
            }
            HttpResponse<String> right = locking.post(ServerFixture.login(ServerFixture.USER, ServerFixture.PASSWORD));
            assertThat(ServerFixture.json(right).at("/error/data").asText()).isEqualTo(LoginResult.GENERIC_FAILURE_MESSAGE);
            assertThat(ServerFixture.json(right).has("result")).isFalse();
            assertThat(java.nio.file.Files.readString(locking.dir.resolve("users.yaml"))).contains("enabled: false");
            locking.auth.enableUser(ServerFixture.USER);
            assertThat(locking.sessionToken()).hasSize(44);
        }
    }

    @Test
    void loginWithMissingOrNonStringArgumentsIsInvalidParams() throws Exception {
        for (String args : new String[] {"{}", "{\"username\":\"alice\"}", "{\"username\":\"alice\",\"password\":5}",
            "{\"username\":null,\"password\":\"x\"}"}) {
            HttpResponse<String> r = fx.post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":"
                    + "{\"name\":\"authenticate_user\",\"arguments\":" + args + "}}");
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(ServerFixture.json(r).at("/error/code").asInt()).as(args).isEqualTo(-32602);
        }
    }
}
