package com.pgedge.mcp.cli;

import com.pgedge.mcp.config.ServerConfig;
import java.util.ServiceLoader;

/**
 * Runs the MCP server (HTTP or stdio) with a loaded configuration until it stops. The CLI
 * calls this when no admin command is given; the CLI itself knows nothing about HTTP, MCP or
 * PostgreSQL.
 *
 * <p>The implementation is found with {@link ServiceLoader}: a class with a public no-argument
 * constructor, named in {@code META-INF/services/com.pgedge.mcp.cli.ServerLauncher}. Without one,
 * {@link UnavailableServerLauncher} answers.
 */
@FunctionalInterface
public interface ServerLauncher {

    /**
     * Starts the server and blocks until it has stopped (end of stdin in stdio mode, SIGTERM or
     * SIGINT in HTTP mode).
     *
     * @param config the resolved configuration (defaults &lt; file &lt; environment &lt; flags)
     * @param io     the process's streams and clock; in stdio mode {@code stdin}/{@code stdout}
     *               carry the protocol and everything else goes to {@code stderr}
     * @return the process exit code: 0 after a clean stop, 1 when the server could not start or failed
     * @throws Exception any failure; the CLI prints it as {@code ERROR: <message>} (no stack
     *                   trace) and exits with 1
     */
    int run(ServerConfig config, ServerIo io) throws Exception;

    /** The launcher registered with {@link ServiceLoader}, or the placeholder. */
    static ServerLauncher discover() {
        return ServiceLoader.load(ServerLauncher.class).findFirst().orElseGet(UnavailableServerLauncher::new);
    }
}
