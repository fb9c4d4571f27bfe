package com.pgedge.mcp.cli;

import com.pgedge.mcp.auth.MutableClock;
import com.pgedge.mcp.auth.AuthService;
import com.pgedge.mcp.config.ConfigLocations;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs the real CLI in-process: real files in a temporary folder, captured output, an
 * environment map, a clock the test moves, and a lower bcrypt cost so that tests stay quick.
 */
final class CliHarness {

    static final int TEST_BCRYPT_COST = 4;

    final Path cwd;
    final Path launcher;
    final Map<String, String> env = new HashMap<>();
    final MutableClock clock = new MutableClock(Instant.parse("2025-12-24T12:00:00Z"));
    ServerLauncher server = new UnavailableServerLauncher();

    CliHarness(Path cwd, Path launcher) {
        this.cwd = cwd;
        this.launcher = launcher;
    }

    record Result(int code, String out, String err) {
        String all() {
            return out + err;
        }
    }

    /** Runs with {@code stdin} as standard input and no terminal. */
    Result run(String stdin, String... args) {
        InputStream in = new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8));
        return run(in, null, args);
    }

    /** Runs as if on a terminal whose answers are scripted. */
    Result runOnTerminal(ScriptedTerminal terminal, String... args) {
        return run(new ByteArrayInputStream(new byte[0]), terminal, args);
    }

    Result run(InputStream in, Prompter prompter, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        Prompter p = prompter != null ? prompter : new StreamPrompter(in, e);
        CliContext ctx = new CliContext(in, o, e, p, env, new ConfigLocations(cwd, launcher, null), clock,
                (settings, c) -> AuthService.open(settings, c, TEST_BCRYPT_COST), server);
        int code = new Cli(ctx).run(args);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Opens the auth core on the harness's default files, as the server would. */
    AuthService openAuth(Path tokenFile, Path userFile) {
        return AuthService.open(com.pgedge.mcp.auth.AuthSettings.defaults(tokenFile, userFile), clock, TEST_BCRYPT_COST);
    }
}
