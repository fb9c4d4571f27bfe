package com.pgedge.mcp.installer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the launchers of the application image that jpackage just built, the way a user runs
 * the installed product: its own runtime, its own heap settings, real files, a real server on a
 * loopback port. Tests of features that the packaged jar does not contain yet are skipped with
 * a reason, never passed.
 */
class PackagedAppImageTest {

    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration SERVER_START_TIMEOUT = Duration.ofSeconds(60);

    private static AppImage image;
    private static String version;

    @TempDir
    Path work;

    @BeforeAll
    static void locateImage() {
        image = AppImage.at(Path.of(System.getProperty("installer.image")));
        version = System.getProperty("installer.version");
        assertThat(image.cliLauncher()).as("CLI launcher").isExecutable();
        assertThat(image.consoleLauncher()).as("console launcher").isExecutable();
    }

    /**
     * The installers are made from this very image after the tests: nothing a test ran may
     * have left a file in it (the CLI's default files go beside the launcher).
     */
    @AfterAll
    static void imageHoldsNoFilesFromTheTests() throws IOException {
        if (!System.getProperty("os.name").startsWith("Linux")) {
            return; // the launcher folders of Windows and macOS images hold more than the launchers
        }
        try (Stream<Path> files = Files.list(image.launchers())) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .containsExactlyInAnyOrder("pgedge-postgres-mcp", "pgedge-postgres-mcp-admin");
        }
    }

    @Test
    void cliJvmGetsTheServerHeapLimit() throws Exception {
        // JAVA_TOOL_OPTIONS reaches the JVM inside a jpackage launcher (JDK_JAVA_OPTIONS does
        // not: only the java launcher reads it); PrintFlagsFinal shows what that JVM really got.
        LauncherRun run = run(image.cliLauncher(), Map.of("JAVA_TOOL_OPTIONS", "-XX:+PrintFlagsFinal"), "-version");

        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.stdout()).as(run.describe())
                .containsPattern("MaxHeapSize += " + bytes(System.getProperty("installer.server.max-heap")) + " ");
    }

    @Test
    void runtimeHoldsTheModulesThatJdepsCannotSee() throws IOException {
        // The runtime is cut down to what the code uses; modules reached only by name at run
        // time (TLS with EC keys, charsets, locale data) must still be there.
        String release = Files.readString(image.runtimeHome().resolve("release"));
        assertThat(release).contains("java.base", "java.sql", "jdk.unsupported", "jdk.crypto.ec",
                "jdk.charsets", "jdk.localedata", "jdk.zipfs");
    }

    @Test
    void consoleLauncherRunsWithItsOwnHeapLimit() throws Exception {
        // -version is answered before any window opens, so this needs no display: it proves
        // the console's launcher, main class and runtime work together.
        LauncherRun run = run(image.consoleLauncher(), Map.of("JAVA_TOOL_OPTIONS", "-XX:+PrintFlagsFinal"), "-version");

        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.stdout()).as(run.describe())
                .contains("pgedge-postgres-mcp-admin " + version)
                .containsPattern("MaxHeapSize += " + bytes(System.getProperty("installer.console.max-heap")) + " ");
    }

    @Test
    void cliPrintsItsVersion() throws Exception {
        LauncherRun run = run(image.cliLauncher(), Map.of(), "-version");

        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.stdout()).as(run.describe()).contains(version);
    }

    @Test
    void jarCarriesOnlyThisPlatformsPostgreSqlBuild() throws IOException {
        try (ZipFile jar = new ZipFile(image.appJar().toFile())) {
            List<String> builds = jar.stream().map(e -> e.getName())
                    .filter(name -> name.matches("postgres-.*\\.txz")).toList();
            assertThat(builds).allMatch(name -> name.contains(image.postgresPlatform()))
                    .noneMatch(name -> name.contains("alpine"));
        }
    }

    @Test
    void jarCarriesTheConsoleWindowIcons() {
        for (int size : new int[] {16, 24, 32, 48, 64, 128, 256}) {
            assertThat(image.jarContains("com/pgedge/mcp/admin/icons/pgedge-postgres-mcp-" + size + ".png"))
                    .as("window icon %d px in the packaged jar", size).isTrue();
        }
    }

    @Test
    void cliListsUsersOfAFreshFileAndSeesAnAddedUser() throws Exception {
        assumeTrue(cliHelpMentions("list-users"),
                "the packaged CLI has no -list-users yet (placeholder main class): merge branch cli");
        Path users = work.resolve("pgedge-postgres-mcp-users.yaml");
        Files.writeString(users, "users: {}\n");

        LauncherRun empty = run(image.cliLauncher(), Map.of(), "-list-users", "-user-file", users.toString());
        assertThat(empty.exitCode()).as(empty.describe()).isZero();
        assertThat(empty.stdout()).as(empty.describe()).doesNotContain("alice");
        assertThat(empty.stderr()).as(empty.describe()).doesNotContain("Exception");

        LauncherRun added = run(image.cliLauncher(), Map.of(), "-add-user", "-user-file", users.toString(),
                "-username", "alice", "-password", "Packaged-Smoke-1", "-user-note", "smoke test");
        assertThat(added.exitCode()).as(added.describe()).isZero();

        LauncherRun listed = run(image.cliLauncher(), Map.of(), "-list-users", "-user-file", users.toString());
        assertThat(listed.exitCode()).as(listed.describe()).isZero();
        assertThat(listed.stdout()).as(listed.describe()).contains("alice").contains("smoke test");
        assertThat(Files.readString(users)).contains("alice").doesNotContain("Packaged-Smoke-1");
    }

    @Test
    void serverStartsAnswersHealthAndStopsOnSigterm() throws Exception {
        assumeServerRegistered();
        // A database that is configured but not there: the server starts anyway (pools open on
        // first use), so this needs no PostgreSQL.
        int databasePort = freeLoopbackPort();
        int port = freeLoopbackPort();
        Process server = startServer(port, Map.of(), "-db-host", "127.0.0.1",
                "-db-port", String.valueOf(databasePort), "-db-name", "smoke", "-db-user", "smoke");
        try {
            assertHealthy(awaitHealth(server, port));
            assertStopsOnSigterm(server, port);
        } finally {
            server.destroyForcibly();
        }
    }

    @Test
    void serverWithTheDevelopmentDatabaseAnswersAToolCallWithACliMadeToken() throws Exception {
        assumeServerRegistered();
        // -dev keeps its database under $XDG_DATA_HOME, which only Linux reads; elsewhere this
        // test would write into the real per-user folder.
        assumeTrue(System.getProperty("os.name").startsWith("Linux"), "runs on Linux only (XDG_DATA_HOME)");
        Path tokens = work.resolve("pgedge-postgres-mcp-tokens.yaml");
        // -user-file too: the audit log goes beside the user file, by default beside the launcher
        LauncherRun added = run(image.cliLauncher(), Map.of(), "-add-token", "-token-file", tokens.toString(),
                "-user-file", work.resolve("pgedge-postgres-mcp-users.yaml").toString(),
                "-token-note", "packaged smoke test", "-token-expiry", "1d");
        assertThat(added.exitCode()).as(added.describe()).isZero();
        Matcher shown = Pattern.compile("(?m)^Token:\\s+(\\S+)\\s*$")
                .matcher(added.stdout());
        assertThat(shown.find()).as("token line in:%n%s", added.stdout()).isTrue();
        String token = shown.group(1);

        int port = freeLoopbackPort();
        Process server = startServer(port, Map.of("XDG_DATA_HOME", work.resolve("data").toString()), "-dev");
        try {
            assertHealthy(awaitHealth(server, port));
            HttpResponse<String> reply = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/mcp/v1"))
                            .timeout(Duration.ofSeconds(30))
                            .header("Authorization", "Bearer " + token)
                            .header("Content-Type", "application/json")
                            .header("Accept", "application/json, text/event-stream")
                            .POST(HttpRequest.BodyPublishers.ofString("""
                                    {"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"query_database",
                                     "arguments":{"query":"SELECT 6 * 7 AS answer"}}}"""))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);
            JsonNode result = new ObjectMapper().readTree(reply.body()).path("result");
            assertThat(result.path("isError").asBoolean(false)).as(reply.body()).isFalse();
            assertThat(result.path("content").path(0).path("text").asText()).as(reply.body())
                    .contains("answer").contains("42");
            assertStopsOnSigterm(server, port);
        } finally {
            server.destroyForcibly();
        }
    }

    /** The CLI finds the server through ServiceLoader; without it, "server mode not available". */
    private static void assumeServerRegistered() {
        assumeTrue(image.jarContains("META-INF/services/com.pgedge.mcp.cli.ServerLauncher"),
                "the packaged CLI has no server registered (META-INF/services/com.pgedge.mcp.cli.ServerLauncher)");
    }

    private Process startServer(int port, Map<String, String> env, String... args) throws IOException {
        Path tokens = work.resolve("pgedge-postgres-mcp-tokens.yaml");
        Path users = work.resolve("pgedge-postgres-mcp-users.yaml");
        if (!Files.exists(tokens)) {
            Files.writeString(tokens, "tokens: {}\n");
        }
        Files.writeString(users, "users: {}\n");
        List<String> command = new ArrayList<>(List.of(image.cliLauncher().toString(), "-http",
                "-addr", "127.0.0.1:" + port, "-token-file", tokens.toString(), "-user-file", users.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(work.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(devNull()))
                .redirectOutput(work.resolve("server.out").toFile())
                .redirectError(work.resolve("server.err").toFile());
        builder.environment().putAll(env);
        return builder.start();
    }

    private void assertHealthy(HttpResponse<String> health) throws IOException {
        assertThat(health.statusCode()).isEqualTo(200);
        JsonNode body = new ObjectMapper().readTree(health.body());
        assertThat(body.path("status").asText()).isEqualTo("ok");
        assertThat(body.path("server").asText()).isEqualTo("pgedge-postgres-mcp");
        assertThat(body.path("version").asText()).isEqualTo(version);
    }

    private void assertStopsOnSigterm(Process server, int port) throws Exception {
        server.destroy(); // SIGTERM: the server shuts down gracefully
        assertThat(server.waitFor(30, TimeUnit.SECONDS))
                .as("server stops within 30 s of SIGTERM; stderr:%n%s", serverLog()).isTrue();
        // 143 = ended by SIGTERM after the shutdown hooks ran; 0 if the server exits itself
        assertThat(server.exitValue()).as(serverLog()).isIn(0, 143);
        assertThat(portAcceptsConnections(port)).as("port released after stop").isFalse();
    }

    private String serverLog() throws IOException {
        return "\nstdout:\n" + Files.readString(work.resolve("server.out"))
                + "\nstderr:\n" + Files.readString(work.resolve("server.err"));
    }

    private HttpResponse<String> awaitHealth(Process server, int port) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                .timeout(Duration.ofSeconds(5)).GET().build();
        Instant deadline = Instant.now().plus(SERVER_START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!server.isAlive()) {
                throw new AssertionError("server exited with " + server.exitValue()
                        + " before answering /health" + serverLog());
            }
            try {
                return client.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (ConnectException notListeningYet) {
                server.waitFor(100, TimeUnit.MILLISECONDS);
            }
        }
        throw new AssertionError("no answer on /health within " + SERVER_START_TIMEOUT + serverLog());
    }

    private boolean cliHelpMentions(String option) throws Exception {
        LauncherRun help = run(image.cliLauncher(), Map.of(), "-help");
        return (help.stdout() + help.stderr()).contains("-" + option);
    }

    private LauncherRun run(Path launcher, Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(launcher.toString());
        command.addAll(List.of(args));
        Path out = Files.createTempFile(work, "out", ".txt");
        Path err = Files.createTempFile(work, "err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(work.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(devNull()))
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        builder.environment().remove("JDK_JAVA_OPTIONS");
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(command + " did not finish within " + COMMAND_TIMEOUT);
        }
        return new LauncherRun(command, process.exitValue(), Files.readString(out), Files.readString(err));
    }

    /** "256m" -> 268435456, as PrintFlagsFinal reports it. */
    private static long bytes(String heap) {
        long number = Long.parseLong(heap.substring(0, heap.length() - 1));
        return switch (Character.toLowerCase(heap.charAt(heap.length() - 1))) {
            case 'k' -> number << 10;
            case 'm' -> number << 20;
            case 'g' -> number << 30;
            default -> throw new IllegalArgumentException("heap size " + heap);
        };
    }

    private static File devNull() {
        return new File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    private static int freeLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static boolean portAcceptsConnections(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    record LauncherRun(List<String> command, int exitCode, String stdout, String stderr) {
        String describe() {
            return String.join(" ", command) + " -> exit " + exitCode + "\nstdout:\n" + stdout + "\nstderr:\n" + stderr;
        }
    }
}
