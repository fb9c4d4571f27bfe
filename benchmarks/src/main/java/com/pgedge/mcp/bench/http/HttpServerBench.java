package com.pgedge.mcp.bench.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.pgedge.mcp.auth.AuthService;
import com.pgedge.mcp.auth.AuthSettings;
import com.pgedge.mcp.config.ServerConfig;
import com.pgedge.mcp.http.HttpLimits;
import com.pgedge.mcp.http.McpHttpServer;
import com.pgedge.mcp.mcp.McpJson;
import com.pgedge.mcp.mcp.McpTool;
import com.pgedge.mcp.mcp.ToolCallContext;
import com.pgedge.mcp.mcp.ToolRegistry;
import com.pgedge.mcp.mcp.ToolResult;
import io.undertow.Undertow;
import io.undertow.util.Headers;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTTP server benchmark with wrk on loopback (SPEC §9), all in one run:
 * <ol>
 *   <li>token-authenticated {@code tools/list} on our server vs a bare Undertow handler returning
 *       the same bytes, same I/O thread count;</li>
 *   <li>latency (p50/p99) of token-authenticated {@code tools/call} alone, then while a second wrk
 *       keeps 50 concurrent wrong-password logins (real bcrypt, cost 12) running.</li>
 * </ol>
 * Run pinned, server and load on separate cores:
 * {@code taskset -c 0 java -cp benchmarks/target/benchmarks.jar com.pgedge.mcp.bench.http.HttpServerBench [seconds]}
 * (wrk is started under {@code taskset -c 1} when taskset exists). Only ever targets 127.0.0.1.
 */
public final class HttpServerBench {

    private static final Pattern RPS = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)");
    private static final Pattern P50 = Pattern.compile("\\s50%\\s+([0-9.]+)(us|ms|s)");
    private static final Pattern P99 = Pattern.compile("\\s99%\\s+([0-9.]+)(us|ms|s)");

    private HttpServerBench() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        Path dir = Files.createTempDirectory("mcp-http-bench");
        AuthSettings settings = AuthSettings.defaults(dir.resolve("tokens.yaml"), dir.resolve("users.yaml"))
                // The login phase must hit bcrypt every time, not the (cheap) rate-limit refusal.
                .withRateLimit(Duration.ofMinutes(15), 1_000_000);
        try (AuthService auth = AuthService.open(settings, Clock.systemUTC())) {
            String token = auth.addToken("bench", null, (String) null).plaintext();
            for (int i = 0; i < 9; i++) {
                auth.addToken("other " + i, null, (String) null);
            }
            auth.addUser("bench", "BenchPassword123!", "benchmark user");
            auth.start();
            HttpLimits limits = HttpLimits.defaults();
            ServerConfig config = new ServerConfig(null, new ServerConfig.HttpConfig(true, "127.0.0.1:0", null, null,
                    new ServerConfig.TlsConfig(false, null, null, null),
                    new ServerConfig.AuthConfig(true, settings.tokenFile(), settings.userFile(), null, 0, 15,
                            1_000_000)), List.of(), false, false);
            McpHttpServer server = new McpHttpServer(config, auth, registry(), limits);
            server.start();
            String listBody = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\",\"params\":{}}";
            byte[] listReply = fetch(server.endpoint(), listBody, token);
            Undertow bare = Undertow.builder().setIoThreads(limits.ioThreads()).setWorkerThreads(limits.workerThreads())
                    .addHttpListener(0, "127.0.0.1")
                    .setHandler(exchange -> {
                        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
                        exchange.getResponseSender().send(ByteBuffer.wrap(listReply));
                    }).build();
            bare.start();
            int barePort = ((java.net.InetSocketAddress) bare.getListenerInfo().get(0).getAddress()).getPort();
            try {
                Path listScript = script(dir, "list.lua", listBody, token);
                String callBody = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":"
                        + "{\"name\":\"echo\",\"arguments\":{\"message\":\"benchmark\"}}}";
                Path callScript = script(dir, "call.lua", callBody, token);
                Path loginScript = script(dir, "login.lua", "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\","
                        + "\"params\":{\"name\":\"authenticate_user\",\"arguments\":{\"username\":\"bench\","
                        + "\"password\":\"wrong-password\"}}}", null);

                System.out.printf("tools/list reply: %d bytes; %d I/O threads; %d s per run%n", listReply.length,
                        limits.ioThreads(), seconds);
                wrk(listScript, server.endpoint().toString(), 2, 50, 3, false); // warm-up
                wrk(listScript, "http://127.0.0.1:" + barePort + "/", 2, 50, 3, false);
                double ours = rps(wrk(listScript, server.endpoint().toString(), 2, 50, seconds, false), true);
                double plain = rps(wrk(listScript, "http://127.0.0.1:" + barePort + "/", 2, 50, seconds, false), true);
                double ours2 = rps(wrk(listScript, server.endpoint().toString(), 2, 50, seconds, false), true);
                double plain2 = rps(wrk(listScript, "http://127.0.0.1:" + barePort + "/", 2, 50, seconds, false), true);
                double oursBest = Math.max(ours, ours2);
                double plainBest = Math.max(plain, plain2);
                System.out.printf("| token-authenticated tools/list | %.0f req/s |%n", oursBest);
                System.out.printf("| bare Undertow, same bytes      | %.0f req/s |%n", plainBest);
                System.out.printf("| ratio                          | %.2f |%n", oursBest / plainBest);

                String alone = wrk(callScript, server.endpoint().toString(), 1, 10, seconds, true);
                rps(alone, true);
                System.out.printf("| tools/call, 10 connections, alone | p50 %s | p99 %s |%n", latency(alone, P50),
                        latency(alone, P99));
                Process logins = start(loginScript, server.endpoint().toString(), 1, 50, seconds + 6, false);
                Thread.sleep(3000); // let the login storm build up
                String stormed = wrk(callScript, server.endpoint().toString(), 1, 10, seconds, true);
                String loginOut = finish(logins);
                rps(stormed, true);
                System.out.printf("| tools/call, 10 connections, during 50 concurrent wrong logins | p50 %s | p99 %s |%n",
                        latency(stormed, P50), latency(stormed, P99));
                System.out.printf("| wrong logins answered during that run | %.0f req/s |%n", rps(loginOut, false));
            } finally {
                bare.stop();
                server.stop();
            }
        }
    }

    private static byte[] fetch(URI uri, String body, String token) throws IOException, InterruptedException {
        HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("tools/list answered " + r.statusCode());
        }
        return r.body();
    }

    private static Path script(Path dir, String name, String body, String token) throws IOException {
        StringBuilder lua = new StringBuilder();
        lua.append("wrk.method = \"POST\"\n");
        lua.append("wrk.body = '").append(body).append("'\n");
        lua.append("wrk.headers[\"Content-Type\"] = \"application/json\"\n");
        if (token != null) {
            lua.append("wrk.headers[\"Authorization\"] = \"Bearer ").append(token).append("\"\n");
        }
        Path file = dir.resolve(name);
        Files.writeString(file, lua.toString(), StandardCharsets.UTF_8);
        return file;
    }

    private static Process start(Path script, String url, int threads, int connections, int seconds, boolean latency)
            throws IOException {
        if (!url.startsWith("http://127.0.0.1:")) {
            throw new IllegalArgumentException("benchmarks only target 127.0.0.1");
        }
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(Path.of("/usr/bin/taskset"))) {
            command.addAll(List.of("taskset", "-c", "1"));
        }
        command.addAll(List.of("wrk", "-t" + threads, "-c" + connections, "-d" + seconds + "s", "-s", script.toString()));
        if (latency) {
            command.add("--latency");
        }
        command.add(url);
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    private static String finish(Process p) throws IOException, InterruptedException {
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(120, TimeUnit.SECONDS);
        return out;
    }

    private static String wrk(Path script, String url, int threads, int connections, int seconds, boolean latency)
            throws IOException, InterruptedException {
        return finish(start(script, url, threads, connections, seconds, latency));
    }

    private static double rps(String wrkOutput, boolean all2xx) {
        Matcher m = RPS.matcher(wrkOutput);
        if (!m.find()) {
            throw new IllegalStateException("no Requests/sec in wrk output:\n" + wrkOutput);
        }
        Matcher bad = NON_2XX.matcher(wrkOutput);
        if (all2xx && bad.find()) {
            throw new IllegalStateException("non-2xx answers in a run that must be all 200:\n" + wrkOutput);
        }
        return Double.parseDouble(m.group(1));
    }

    private static String latency(String wrkOutput, Pattern which) {
        Matcher m = which.matcher(wrkOutput);
        return m.find() ? m.group(1) + " " + m.group(2) : "?";
    }

    /** Four tools with descriptions and schemas the size of the real ones (~2 KB of tools/list). */
    private static ToolRegistry registry() {
        ToolRegistry.Builder builder = ToolRegistry.builder();
        String[][] tools = {
            {"echo", "Returns the message it was given. Stands in for a cheap tool call.", "message"},
            {"query_database", "Executes one read-only SQL query against the PostgreSQL database and returns the "
                + "rows as tab-separated values with a header line. Use LIMIT and OFFSET to page through large "
                + "results; at most 1000 rows are returned.", "query"},
            {"get_schema_info", "Lists schemas, tables, columns, data types, primary and foreign keys and comments, "
                + "optionally narrowed to one schema or one table. Use it before writing a query.", "schema_name"},
            {"execute_explain", "Shows the execution plan of a read-only query, optionally with ANALYZE, as text "
                + "or JSON, to understand and improve its performance.", "query"},
        };
        for (String[] t : tools) {
            builder.tool(new McpTool() {
                @Override
                public String name() {
                    return t[0];
                }

                @Override
                public String description() {
                    return t[1];
                }

                @Override
                public ObjectNode inputSchema() {
                    ObjectNode schema = McpJson.mapper().createObjectNode().put("type", "object");
                    ObjectNode props = schema.putObject("properties");
                    props.putObject(t[2]).put("type", "string").put("description", "The " + t[2].replace('_', ' '));
                    props.putObject("limit").put("type", "integer").put("description", "Maximum rows (default 100)");
                    props.putObject("offset").put("type", "integer").put("description", "Rows to skip (default 0)");
                    schema.putArray("required").add(t[2]);
                    return schema;
                }

                @Override
                public ToolResult call(ToolCallContext context, JsonNode arguments) {
                    return ToolResult.text(arguments.path(t[2]).asText());
                }
            });
        }
        return builder.build();
    }
}
