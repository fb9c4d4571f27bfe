package com.pgedge.mcp.cli;

import com.pgedge.mcp.auth.AuthException;
import com.pgedge.mcp.config.ConfigException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.List;
import java.util.Objects;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Runs the {@code pgedge-postgres-mcp} command line against a {@link CliContext}: the same code
 * path for the real process ({@link Main}) and for in-process tests. Whatever happens, the
 * result is an exit code and at most an {@code ERROR:} line: never a stack trace.
 */
public final class Cli {

    /** Exit code: success. */
    public static final int OK = 0;
    /** Exit code: the command failed (bad file, unknown user, ...). */
    public static final int FAILED = 1;
    /** Exit code: the command line itself is wrong. */
    public static final int USAGE = 2;

    static final String USAGE_HINT =
            "Usage: pgedge-postgres-mcp [options]. Run 'pgedge-postgres-mcp -help' for every option.";

    private final CliContext ctx;

    public Cli(CliContext ctx) {
        this.ctx = Objects.requireNonNull(ctx, "ctx");
    }

    /** Parses {@code args}, runs the command or the server, and returns the exit code. */
    public int run(String... args) {
        PrintStream err = ctx.stderr();
        try {
            CommandLine cmd = new CommandLine(new McpCommand(ctx));
            // '@file' arguments would read files named by a password that starts with '@'.
            cmd.setExpandAtFiles(false);
            cmd.setPosixClusteredShortOptionsAllowed(false);
            cmd.setAbbreviatedOptionsAllowed(false);
            // Like Go's flag package: a repeated flag takes its last value.
            cmd.setOverwrittenOptionsAllowed(true);
            cmd.setOut(new PrintWriter(ctx.stdout(), true));
            cmd.setErr(new PrintWriter(err, true));
            cmd.setParameterExceptionHandler(this::usageError);
            cmd.setExecutionExceptionHandler((e, commandLine, parseResult) -> failed(e));
            return cmd.execute(args);
        } catch (RuntimeException | Error e) {
            return failed(e);
        } finally {
            ctx.stdout().flush();
            err.flush();
        }
    }

    private int usageError(ParameterException e, String[] args) {
        PrintStream err = ctx.stderr();
        if (e instanceof UnmatchedArgumentException u) {
            // An unmatched word may be half of a password typed with a space in it: show only
            // words that look like flags, so a typo can be spotted without echoing a secret.
            List<String> unmatched = u.getUnmatched();
            String first = unmatched.isEmpty() ? "" : unmatched.get(0);
            if (first.startsWith("-")) {
                err.println("ERROR: unknown flag '" + Printable.of(first, 60) + "'");
                List<String> suggestions = u.getSuggestions();
                if (!suggestions.isEmpty()) {
                    err.println("Did you mean: " + String.join(" or ", suggestions) + "?");
                }
            } else {
                err.println("ERROR: unexpected argument; a value must follow its flag (-flag value or "
                        + "-flag=value, and -flag=true for a boolean) and be quoted if it contains spaces");
            }
        } else {
            // picocli names an option by its longest spelling; the documented one has one dash.
            err.println("ERROR: " + Printable.of(e.getMessage()).replaceAll("'--([a-z][a-z-]*)'", "'-$1'"));
        }
        err.println(USAGE_HINT);
        return USAGE;
    }

    private int failed(Throwable e) {
        ctx.stderr().println("ERROR: " + message(e));
        return FAILED;
    }

    /** The user's message for known failures; a short description for anything unexpected. */
    static String message(Throwable e) {
        // The product's own exceptions carry messages written for the user (AuthException,
        // ConfigException, HttpServerException...); anything else gets its type named.
        if (e instanceof AuthException || e instanceof ConfigException || e instanceof CliFailure
                || (e.getClass().getName().startsWith("com.pgedge.mcp.") && e.getMessage() != null)) {
            return Printable.of(e.getMessage().lines().findFirst().orElse(""));
        }
        if (e instanceof java.io.IOException && e.getMessage() != null) {
            return "I/O error: " + Printable.of(e.getMessage().lines().findFirst().orElse(""));
        }
        if (e instanceof java.io.UncheckedIOException u && u.getCause() != null) {
            return "I/O error: " + Printable.of(String.valueOf(u.getCause().getMessage()));
        }
        String msg = e.getMessage();
        String first = msg == null ? "" : msg.lines().findFirst().orElse("");
        return "unexpected " + e.getClass().getSimpleName() + (first.isEmpty() ? "" : ": " + Printable.of(first, 200));
    }
}
