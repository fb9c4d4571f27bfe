package com.pgedge.mcp.cli;

import com.pgedge.mcp.config.ConfigLocations;
import java.io.Console;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the CLI takes from its process, so tests can run it in-process with their own
 * streams, answers, environment, folders and clock.
 *
 * @param stdin     standard input (prompts without a terminal; stdio transport in server mode)
 * @param stdout    results
 * @param stderr    prompts without a terminal, warnings and {@code ERROR:} lines
 * @param prompter  where questions are asked
 * @param env       the environment ({@code PGEDGE_*}, {@code PG*})
 * @param locations the current folder, the launcher folder and the system folder
 * @param clock     the clock for token expiry and the auth core
 * @param auth      how to open the auth core
 * @param server    what runs the server when no admin command is given
 */
public record CliContext(InputStream stdin, PrintStream stdout, PrintStream stderr, Prompter prompter,
                         Map<String, String> env, ConfigLocations locations, Clock clock, AuthOpener auth,
                         ServerLauncher server) {

    public CliContext {
        Objects.requireNonNull(stdin, "stdin");
        Objects.requireNonNull(stdout, "stdout");
        Objects.requireNonNull(stderr, "stderr");
        Objects.requireNonNull(prompter, "prompter");
        env = env == null ? Map.of() : Map.copyOf(env);
        Objects.requireNonNull(locations, "locations");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(auth, "auth");
        Objects.requireNonNull(server, "server");
    }

    /** The real process: its streams, its terminal if it has one, its environment and folders. */
    public static CliContext system() {
        Console console = System.console();
        Prompter prompter = console != null ? new ConsolePrompter(console) : new StreamPrompter(System.in, System.err);
        ConfigLocations locations = ConfigLocations.of(Path.of("").toAbsolutePath(), LauncherFolder.find());
        return new CliContext(System.in, System.out, System.err, prompter, System.getenv(), locations,
                Clock.systemUTC(), AuthOpener.standard(), ServerLauncher.discover());
    }

    /** The same context answering questions from {@code stdin} (no terminal). */
    public static CliContext streams(InputStream stdin, PrintStream stdout, PrintStream stderr, Map<String, String> env,
                                     ConfigLocations locations, Clock clock, AuthOpener auth, ServerLauncher server) {
        return new CliContext(stdin, stdout, stderr, new StreamPrompter(stdin, stderr), env, locations, clock, auth,
                server);
    }
}
