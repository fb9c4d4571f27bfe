package com.pgedge.mcp.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;

/**
 * What the server gets from the process, injectable so that tests run it in-process.
 *
 * @param stdin  the stdio transport's input
 * @param stdout the stdio transport's output: nothing else may be written there
 * @param stderr messages for the person running the server
 * @param clock  the clock for the auth core and token expiry
 * @param env    the environment the configuration was read from
 */
public record ServerIo(InputStream stdin, PrintStream stdout, PrintStream stderr, Clock clock,
                       Map<String, String> env) {

    public ServerIo {
        Objects.requireNonNull(stdin, "stdin");
        Objects.requireNonNull(stdout, "stdout");
        Objects.requireNonNull(stderr, "stderr");
        Objects.requireNonNull(clock, "clock");
        env = env == null ? Map.of() : Map.copyOf(env);
    }
}
