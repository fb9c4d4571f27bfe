package com.pgedge.mcp.http;

import ch.qos.logback.classic.Level;
import com.pgedge.mcp.auth.AuthService;
import com.pgedge.mcp.config.ServerConfig;
import com.pgedge.mcp.mcp.ToolRegistry;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the HTTP server for the CLI ({@code pgedge-postgres-mcp -http}) until SIGTERM or SIGINT,
 * then shuts down gracefully: stop accepting, finish in-flight requests, close the auth core.
 */
public final class HttpServerMode {

    private static final Logger LOG = LoggerFactory.getLogger(HttpServerMode.class);

    private HttpServerMode() {
    }

    /**
     * Starts the server and blocks until the JVM is asked to stop.
     *
     * @param auth an opened AuthService when auth is on ({@code null} with {@code -no-auth}); this
     *             method starts its file watcher and closes it at shutdown
     * @throws HttpServerException when the server cannot start (the message is for the user)
     */
    public static void run(ServerConfig config, AuthService auth, ToolRegistry registry) {
        run(config, auth, registry, HttpLimits.defaults());
    }

    public static void run(ServerConfig config, AuthService auth, ToolRegistry registry, HttpLimits limits) {
        if (config.debug()) {
            enableDebugLogging();
        }
        boolean authOn = config.http().auth().enabled();
        if (authOn && auth != null) {
            auth.start();
        }
        McpHttpServer server = new McpHttpServer(config, auth, registry, limits);
        try {
            server.start();
        } catch (RuntimeException e) {
            if (auth != null) {
                auth.close();
            }
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("Shutdown requested");
            try {
                server.stop();
            } finally {
                if (auth != null) {
                    auth.close();
                }
                stopped.countDown();
            }
        }, "mcp-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** {@code -debug}: our own loggers at DEBUG (the access log included); still never a secret. */
    public static void enableDebugLogging() {
        if (LoggerFactory.getLogger("com.pgedge.mcp") instanceof ch.qos.logback.classic.Logger logger) {
            logger.setLevel(Level.DEBUG);
        }
    }
}
