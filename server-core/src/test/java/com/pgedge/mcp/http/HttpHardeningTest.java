package com.pgedge.mcp.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** SECURITY-CHECKLIST "HTTP" and "JSON-RPC" lines, each against a real server and a raw socket. */
class HttpHardeningTest {

    static ServerFixture fx;

    @BeforeAll
    static void start() throws Exception {
        fx = ServerFixture.builder().rateLimit(10_000)
                .limits(l -> l.withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(3),
                        Duration.ofSeconds(30)))
                .start();
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    private String auth() {
        return "Authorization: Bearer " + fx.apiToken + "\r\n";
    }

    @Test
    void bodyOverOneMebibyteWithContentLengthIs413() throws Exception {
        byte[] body = new byte[(int) HttpLimits.ONE_MIB + 1];
        java.util.Arrays.fill(body, (byte) ' ');
        var request = java.net.http.HttpRequest.newBuilder(fx.mcpUri())
                .header("Authorization", "Bearer " + fx.apiToken).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body)).build();
        HttpResponse<String> r = fx.send(request); // a real client sending the whole body sees the 413
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(r.body()).isEqualTo("{\"error\": \"Request body too large\"}");
        // and the connection is still usable afterwards (the excess was drained, not buffered)
        assertThat(fx.postWithToken(ServerFixture.toolsList(1), fx.apiToken).statusCode()).isEqualTo(200);
    }

    @Test
    void hugeDeclaredContentLengthIs413AtOnceAndClosed() throws Exception {
        try (RawHttp raw = new RawHttp(fx.port())) {
            raw.write("POST /mcp/v1 HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n" + auth()
                    + "Content-Length: 1073741824\r\n\r\n");
            RawHttp.Response r = raw.read();
            assertThat(r.status()).isEqualTo(413);
            assertThat(raw.closedByServer(3000)).isTrue();
        }
    }

    @Test
    void endlessChunkedBodyIsCutOff() throws Exception {
        try (RawHttp raw = new RawHttp(fx.port())) {
            raw.write("POST /mcp/v1 HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n" + auth()
                    + "Transfer-Encoding: chunked\r\n\r\n");
            byte[] chunk = ("10000\r\n" + "a".repeat(0x10000) + "\r\n").getBytes(StandardCharsets.US_ASCII);
            boolean cut = false;
            try {
                for (int i = 0; i < 1000; i++) { // 64 MiB if nobody stopped us
                    raw.write(chunk);
                }
            } catch (IOException e) {
                cut = true;
            }
            assertThat(cut || raw.closedByServer(3000)).isTrue();
        }
    }

    @Test
    void chunkedBodyOverTheLimitIs413NotA500() throws Exception {
        try (RawHttp raw = new RawHttp(fx.port())) {
            raw.write("POST /mcp/v1 HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n" + auth()
                    + "Transfer-Encoding: chunked\r\n\r\n");
            byte[] chunk = ("10000\r\n" + "a".repeat(0x10000) + "\r\n").getBytes(StandardCharsets.US_ASCII);
            RawHttp.Response r = null;
            try {
                for (int i = 0; i < 40; i++) { // 40 x 64 KiB = 2.5 MiB
                    raw.write(chunk);
                }
                raw.write("0\r\n\r\n");
            } catch (IOException closedEarly) {
                // the server may stop reading (and close) once the limit is passed; the answer is queued
            }
            r = raw.read();
            assertThat(r.status()).isEqualTo(413);
        }
    }

    @Test
    void bodyJustUnderTheLimitIsRead() throws Exception {
        String padding = " ".repeat((int) HttpLimits.ONE_MIB - 200);
        HttpResponse<String> r = fx.postWithToken(ServerFixture.toolsList(1) + padding, fx.apiToken);
        assertThat(r.statusCode()).isEqualTo(200);
    }

    @Test
    void slowlorisHeadersAreCutOffByTheParseTimeout() throws Exception {
        try (RawHttp raw = new RawHttp(fx.port())) {
            raw.write("POST /mcp/v1 HTTP/1.1\r\n");
            long start = System.nanoTime();
            boolean closed = false;
            try {
                for (int i = 0; i < 8 && !closed; i++) { // one header line per second
                    raw.write("X-Slow-" + i + ": 1\r\n");
                    closed = raw.closedByServer(1000);
                }
            } catch (IOException e) {
                closed = true; // writing to a closed connection
            }
            long seconds = (System.nanoTime() - start) / 1_000_000_000;
            assertThat(closed).as("cut off").isTrue();
            assertThat(seconds).isLessThan(6);
        }
    }

    @Test
    void slowBodyIsCutOffByTheBodyDeadline() throws Exception {
        try (RawHttp raw = new RawHttp(fx.port())) {
            String body = ServerFixture.toolsList(1);
            raw.write("POST /mcp/v1 HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n" + auth()
                    + "Content-Length: " + body.length() + "\r\n\r\n");
            boolean closed = false;
            long start = System.nanoTime();
            try {
                for (int i = 0; i < body.length() && !closed; i++) { // a byte every 400 ms: never idle
                    raw.write(body.substring(i, i + 1));
                    closed = raw.closedByServer(400);
                }
            } catch (IOException e) {
                closed = true;
            }
            assertThat(closed).isTrue();
            assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(5000);
        }
    }

    @Test
    void idleKeepAliveConnectionIsClosed() throws Exception {
        try (RawHttp raw = new RawHttp(fx.port())) {
            raw.write(RawHttp.post("/mcp/v1", auth(), ServerFixture.toolsList(1)));
            assertThat(raw.read().status()).isEqualTo(200);
            assertThat(raw.closedByServer(6000)).isTrue();
        }
    }

    @Test
    void transferEncodingAndContentLengthTogetherAre400() throws Exception {
        try (RawHttp raw = new RawHttp(fx.port())) {
            String body = ServerFixture.toolsList(1);
            raw.write("POST /mcp/v1 HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n" + auth()
                    + "Content-Length: " + body.length() + "\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + Integer.toHexString(body.length()) + "\r\n" + body + "\r\n0\r\n\r\n");
            RawHttp.Response r = raw.read();
            assertThat(r.status()).isEqualTo(400);
            assertThat(raw.closedByServer(3000)).isTrue();
        }
    }

    @Test
    void twoContentLengthsAre400() throws Exception {
        try (RawHttp raw = new RawHttp(fx.port())) {
            String body = ServerFixture.toolsList(1);
            raw.write("POST /mcp/v1 HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n" + auth()
                    + "Content-Length: " + body.length() + "\r\nContent-Length: 5\r\n\r\n" + body);
            RawHttp.Response r = raw.read();
            assertThat(r.status()).isEqualTo(400);
        } catch (IOException closed) {
            // Undertow may refuse conflicting lengths itself by closing: also fine, never a 200/500
        }
    }

    @Test
    void oneHugeHeaderOrTooManyHeadersAreRefused() throws Exception {
        try (RawHttp raw = new RawHttp(fx.port())) {
            raw.write(RawHttp.post("/mcp/v1", auth() + "X-Huge: " + "h".repeat(32 * 1024) + "\r\n",
                    ServerFixture.toolsList(1)));
            assertRefusedOrClosed(raw);
        }
        StringBuilder many = new StringBuilder(auth());
        for (int i = 0; i < 200; i++) {
            many.append("X-H").append(i).append(": v\r\n");
        }
        try (RawHttp raw = new RawHttp(fx.port())) {
            raw.write(RawHttp.post("/mcp/v1", many.toString(), ServerFixture.toolsList(1)));
            assertRefusedOrClosed(raw);
        }
    }

    private static void assertRefusedOrClosed(RawHttp raw) {
        try {
            RawHttp.Response r = raw.read();
            assertThat(r.status()).isBetween(400, 499);
        } catch (IOException closed) {
            // closed without an answer: refused
        }
    }

    @Test
    void malformedJsonNeverGivesA500OrAStackTrace() throws Exception {
        String[] bodies = {
            "", "{", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"", "42", "null", "{}", "\"text\"", "[]",
            "{\"jsonrpc\":\"2.0\",\"id\":{\"a\":1},\"method\":\"ping\"}",
            "{\"jsonrpc\":\"2.0\",\"id\":[1],\"method\":\"ping\"}",
            "{\"jsonrpc\":\"2.0\",\"id\":null,\"method\":\"ping\"}",
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":5}",
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"params\":[1]}",
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"id\":2,\"method\":\"ping\"}",
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"} trailing",
            "[".repeat(100_000) + "]".repeat(100_000),
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"echo\","
                + "\"arguments\":{\"message\":\"x\",\"repeat\":1e999999}}}",
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"echo\","
                + "\"arguments\":{\"message\":\"x\",\"repeat\":" + "9".repeat(5000) + "}}}",
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"echo\","
                + "\"arguments\":{\"message\":\"x\",\"extra\":true}}}",
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"echo\","
                + "\"arguments\":[\"x\"]}}",
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":7}}",
            "\uFEFF" + ServerFixture.toolsList(1),
        };
        for (String body : bodies) {
            HttpResponse<String> r = fx.postWithToken(body, fx.apiToken);
            String label = body.length() > 60 ? body.substring(0, 60) : body;
            assertThat(r.statusCode()).as(label).isIn(200, 400);
            assertThat(r.body()).as(label).doesNotContain("Exception").doesNotContain("\tat ");
            if (r.statusCode() == 200) {
                var json = ServerFixture.json(r);
                assertThat(json.has("error") || json.at("/result/isError").asBoolean()).as(label).isTrue();
            }
        }
    }

    @Test
    void invalidUtf8IsAParseError() throws Exception {
        byte[] bad = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"x\":\"\u00ff\u00fe\"}"
                .getBytes(StandardCharsets.ISO_8859_1);
        var request = java.net.http.HttpRequest.newBuilder(fx.mcpUri())
                .header("Authorization", "Bearer " + fx.apiToken).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(bad)).build();
        HttpResponse<String> r = fx.send(request);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(ServerFixture.json(r).at("/error/code").asInt()).isEqualTo(-32700);
    }

    @Test
    void tenMegabyteStringIsRefusedBeforeParsing() throws Exception {
        try (RawHttp raw = new RawHttp(fx.port())) {
            String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"x\":\"" + "s".repeat(10_000_000) + "\"}";
            try {
                raw.write(RawHttp.post("/mcp/v1", auth(), body));
            } catch (IOException closedEarly) {
                // refused before the whole body was sent
            }
            assertThat(raw.read().status()).isEqualTo(413);
        }
    }
}
