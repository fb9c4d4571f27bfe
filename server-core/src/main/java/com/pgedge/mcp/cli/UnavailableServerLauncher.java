package com.pgedge.mcp.cli;

import com.pgedge.mcp.config.ServerConfig;

/**
 * The placeholder used when no real {@link ServerLauncher} is registered: a build with the admin
 * commands only. Says so and fails, rather than pretending to serve.
 */
public final class UnavailableServerLauncher implements ServerLauncher {

    public static final String MESSAGE = "server mode not available in this build";

    @Override
    public int run(ServerConfig config, ServerIo io) {
        io.stderr().println("ERROR: " + MESSAGE);
        return 1;
    }
}
