package com.pgedge.mcp.cli;

import com.pgedge.mcp.auth.AuthService;
import com.pgedge.mcp.config.ServerConfig;
import com.pgedge.mcp.db.DatabaseToolset;
import com.pgedge.mcp.http.HttpServerMode;
import com.pgedge.mcp.mcp.StdioServer;
import com.pgedge.mcp.mcp.ToolRegistry;

/**
 * The real server behind {@code pgedge-postgres-mcp} without an admin command: the database
 * tools, then stdio (the default) or HTTP ({@code -http}) with the auth core in front.
 * Registered for {@link ServerLauncher#discover()} in {@code META-INF/services}.
 */
public final class McpServerLauncher implements ServerLauncher {

    @Override
    public int run(ServerConfig config, ServerIo io) throws Exception {
        // Progress goes to stderr: in stdio mode stdout carries nothing but the protocol.
        try (DatabaseToolset databases = DatabaseToolset.fromConfig(config, io.stderr()::println)) {
            ToolRegistry registry = ToolRegistry.builder()
                    .tools(databases.tools())
                    .resources(databases.resources())
                    .build();
            if (!config.http().enabled()) {
                StdioServer.run(io.stdin(), io.stdout(), registry);
                return 0;
            }
            // With -no-auth there is no auth core; the server itself logs the loud warning.
            AuthService auth = null;
            if (config.http().auth().enabled()) {
                auth = AuthService.open(config.http().auth().toAuthSettings(), io.clock());
                databases.closePoolsOnRevocation(auth);
            }
            HttpServerMode.run(config, auth, registry);
            return 0;
        } catch (IllegalArgumentException e) {
            // DatabaseToolset's configuration errors are written for the user.
            throw new CliFailure(e.getMessage());
        }
    }
}
