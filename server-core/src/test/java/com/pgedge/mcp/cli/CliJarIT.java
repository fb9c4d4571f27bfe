package com.pgedge.mcp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.pgedge.mcp.auth.AuthService;
import com.pgedge.mcp.auth.AuthSettings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built {@code pgedge-postgres-mcp.jar} run as its own process, as a user runs it: real
 * exit codes, real standard streams, no terminal. Runs after {@code package} (failsafe).
 */
class CliJarIT {

    @TempDir
    Path dir;
    Path jar;

    record Run(int code, String out, String err) {
        String all() {
            return out + err;
        }
    }

    @BeforeEach
    void findJar() {
        jar = Path.of(System.getProperty("project.build.directory", "target"), "pgedge-postgres-mcp.jar")
                .toAbsolutePath();
        assertThat(jar).as("the runnable jar is built in the package phase").isRegularFile();
    }

    private Run run(String stdin, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        Map<String, String> env = pb.environment();
        // The settings under test come from the arguments only.
        env.keySet().removeIf(k -> k.startsWith("PGEDGE_") || k.startsWith("PG"));
        // Default files go to the per-user data folder: keep it inside the test's folder.
        env.put("XDG_DATA_HOME", dir.resolve("data").toString());
        Process p = pb.start();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
        p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("the CLI finishes").isTrue();
        return new Run(p.exitValue(), out.get(10, TimeUnit.SECONDS), err.get(10, TimeUnit.SECONDS));
    }

    private static String read(InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void versionAndUsageErrorExitCodes() throws Exception {
        Run version = run("", "-version");
        assertThat(version.code()).isZero();
        assertThat(version.out()).startsWith("pgedge-postgres-mcp ");

        Run bad = run("", "--no-such-flag");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("ERROR: unknown flag '--no-such-flag'").doesNotContain("\tat ");
        assertThat(bad.out()).isEmpty();
    }

    @Test
    void addTokenThenListItThenItAuthenticates() throws Exception {
        Path tokens = dir.resolve("tokens.yaml");
        // The user file (and the audit log beside it) too: never the defaults beside the jar.
        String users = "--user-file=" + dir.resolve("users.yaml");
        Run add = run("", "--add-token", "-token-file=" + tokens, users, "-token-note", "from the jar",
                "-token-expiry", "30d");
        assertThat(add.code()).as(add.err()).isZero();
        Matcher m = Pattern.compile("(?m)^Token:\\s+(\\S+)$").matcher(add.out());
        assertThat(m.find()).isTrue();
        String token = m.group(1);
        assertThat(add.out()).contains(TokenCommands.NOT_SHOWN_AGAIN);
        assertThat(dir.resolve("pgedge-postgres-mcp-audit.jsonl")).isRegularFile();

        Run list = run("", "-list-tokens", "-token-file", tokens.toString(), users);
        assertThat(list.code()).isZero();
        assertThat(list.out()).contains("from the jar").contains("Active").doesNotContain(token);

        try (AuthService auth = AuthService.open(AuthSettings.defaults(tokens, dir.resolve("users.yaml")),
                Clock.systemUTC())) {
            assertThat(auth.checkBearer(token, "127.0.0.1").accepted()).isTrue();
        }
    }

    @Test
    void usersThroughAConfigFileInTheCurrentFolder() throws Exception {
        Files.writeString(dir.resolve("pgedge-postgres-mcp.yaml"), """
                http:
                  auth:
                    token_file: ./creds/tokens.yaml
                    user_file: ./creds/users.yaml
                """);
        Run add = run("Piped-Password-1\nOps team\n", "-add-user", "-username", "alice");
        assertThat(add.code()).as(add.err()).isZero();
        assertThat(add.all()).doesNotContain("Piped-Password-1");
        assertThat(dir.resolve("creds/users.yaml")).isRegularFile();

        Run list = run("", "-list-users");
        assertThat(list.code()).isZero();
        assertThat(list.out()).containsPattern("(?m)^alice\\s+\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d\\s+Never\\s+Enabled\\s+0\\s+Ops team$");

        // End of input answers "no": the user stays.
        Run delete = run("", "-delete-user", "-username", "alice");
        assertThat(delete.code()).isEqualTo(1);
        assertThat(delete.err()).contains("ERROR: deletion cancelled");
        assertThat(run("", "-list-users").out()).contains("alice");

        Run confirmed = run("y\n", "-delete-user", "-username", "alice");
        assertThat(confirmed.code()).as(confirmed.err()).isZero();
        assertThat(run("", "-list-users").out()).startsWith("No users in ");
    }

    @Test
    void missingConfigFileIsOneErrorLine() throws Exception {
        Run r = run("", "-list-tokens", "-config", "missing.yaml");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err().strip()).isEqualTo("ERROR: -config: configuration file " + dir.resolve("missing.yaml")
                + " does not exist");
    }

    @Test
    void warningsGoToStandardErrorAndResultsAloneToStandardOutput() throws Exception {
        Path tokens = dir.resolve("tokens.yaml");
        try (InputStream in = getClass().getResourceAsStream("reference-tokens.yaml")) {
            Files.write(tokens, in.readAllBytes());
        }
        // World-readable: the core warns, and that warning must not end up among the results.
        Files.setPosixFilePermissions(tokens, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        Run r = run("", "-list-tokens", "-token-file", tokens.toString(), "-user-file", dir.resolve("u.yaml").toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("API tokens in " + tokens).doesNotContain("WARN");
        assertThat(r.out()).contains("token-1766503601  e99fbcaf4ca3  production  2026-01-22 15:26");
        assertThat(r.err()).contains("chmod 600");
    }
}
