package com.pgedge.mcp.http;

import com.pgedge.mcp.auth.AuthService;
import com.pgedge.mcp.auth.AuthSettings;
import com.pgedge.mcp.config.ServerConfig;
import com.pgedge.mcp.mcp.McpDispatcher;
import com.pgedge.mcp.mcp.ToolRegistry;
import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.server.handlers.GracefulShutdownHandler;
import io.undertow.server.handlers.HttpContinueReadHandler;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Objects;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xnio.Options;
import org.xnio.Sequence;

/**
 * The MCP server over HTTP(S) on Undertow: {@code POST /mcp/v1} and {@code GET /health}
 * (SPEC §2). The CLI runs it through {@link HttpServerMode}; the console embeds it directly,
 * sharing its {@link AuthService}. The server never opens or closes the AuthService it is given.
 */
public final class McpHttpServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(McpHttpServer.class);

    private final ServerConfig config;
    private final AuthService auth;
    private final ToolRegistry registry;
    private final HttpLimits limits;

    // start() and stop() are serialised; the getters never wait for them (a console may poll
    // them on its UI thread while stop() lets requests finish).
    private volatile Undertow undertow;
    private GracefulShutdownHandler graceful;
    private LoginEndpoint login;
    private volatile int port = -1;

    /**
     * @param auth the shared auth core; required when {@code config.http().auth().enabled()},
     *             ignored otherwise
     */
    public McpHttpServer(ServerConfig config, AuthService auth, ToolRegistry registry) {
        this(config, auth, registry, HttpLimits.defaults());
    }

    public McpHttpServer(ServerConfig config, AuthService auth, ToolRegistry registry, HttpLimits limits) {
        this.config = Objects.requireNonNull(config, "config");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.limits = Objects.requireNonNull(limits, "limits");
        boolean authOn = config.http().auth().enabled();
        if (authOn && auth == null) {
            throw new IllegalArgumentException("authentication is enabled but no AuthService was given");
        }
        this.auth = authOn ? auth : null;
    }

    /**
     * Binds and starts serving; returns once the port is bound.
     *
     * @throws HttpServerException when the address, the TLS files or the port are unusable
     */
    public synchronized void start() {
        if (undertow != null) {
            throw new IllegalStateException("already started");
        }
        ServerConfig.HttpConfig http = config.http();
        ListenAddress address = ListenAddress.parse(http.address());
        TrustedProxies proxies = new TrustedProxies(http.trustedProxies());
        OriginPolicy origins = new OriginPolicy(http.allowedOrigins());
        boolean tls = http.tls() != null && http.tls().enabled();
        SSLContext sslContext = tls
                ? PemSslContext.create(http.tls().certFile(), http.tls().keyFile(), http.tls().chainFile())
                : null;

        McpDispatcher dispatcher = new McpDispatcher(registry);
        BearerCheck bearer = auth == null ? null : new BearerCheck(auth);
        LoginEndpoint loginEndpoint = auth == null ? null : new LoginEndpoint(auth, dispatcher, limits);
        McpEndpoint endpoint = new McpEndpoint(dispatcher, bearer, loginEndpoint, proxies, origins, limits);
        // "Expect: 100-continue" is answered when the body is first read, i.e. only after the
        // token check passed: a refused client is told so before it uploads anything.
        GracefulShutdownHandler shutdownHandler = new GracefulShutdownHandler(
                new HttpContinueReadHandler(new RootHandler(endpoint, bearer)));

        logStartup(address, tls, proxies);
        Undertow.Builder builder = Undertow.builder()
                .setIoThreads(limits.ioThreads())
                .setWorkerThreads(limits.workerThreads())
                .setServerOption(UndertowOptions.MAX_ENTITY_SIZE, Math.max(McpEndpoint.HARD_LIMIT, limits.maxBodyBytes()))
                .setServerOption(UndertowOptions.MAX_HEADER_SIZE, limits.maxHeaderBytes())
                .setServerOption(UndertowOptions.MAX_HEADERS, limits.maxHeaders())
                .setServerOption(UndertowOptions.MAX_PARAMETERS, 32)
                .setServerOption(UndertowOptions.MAX_COOKIES, 32)
                .setServerOption(UndertowOptions.REQUEST_PARSE_TIMEOUT, millis(limits.requestParseTimeout()))
                .setServerOption(UndertowOptions.NO_REQUEST_TIMEOUT, millis(limits.noRequestTimeout()))
                .setServerOption(UndertowOptions.IDLE_TIMEOUT, millis(limits.idleTimeout()))
                .setServerOption(UndertowOptions.ALLOW_ENCODED_SLASH, false)
                .setServerOption(UndertowOptions.ENABLE_HTTP2, false)
                .setSocketOption(Options.SSL_ENABLED_PROTOCOLS, Sequence.of("TLSv1.3", "TLSv1.2"))
                .setHandler(shutdownHandler);
        if (tls) {
            builder.addHttpsListener(address.port(), address.host(), sslContext);
        } else {
            builder.addHttpListener(address.port(), address.host());
        }
        Undertow server = builder.build();
        try {
            server.start();
        } catch (RuntimeException e) {
            closeQuietly(loginEndpoint);
            try {
                server.stop();
            } catch (RuntimeException ignored) {
                // nothing was bound
            }
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new HttpServerException("Cannot listen on " + http.address() + ": " + cause.getMessage(), e);
        }
        this.undertow = server;
        this.graceful = shutdownHandler;
        this.login = loginEndpoint;
        this.port = ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
        LOG.info("Listening on {}", endpoint());
    }

    private static void closeQuietly(LoginEndpoint endpoint) {
        if (endpoint != null) {
            endpoint.close();
        }
    }

    /**
     * Graceful stop: stop accepting connections, let in-flight requests finish (up to the grace
     * period), then close everything. Idempotent.
     */
    public synchronized void stop() {
        if (undertow == null) {
            return;
        }
        LOG.info("Shutting down the HTTP server");
        // From here every new request is answered 503 at once, while those in flight finish.
        // (Undertow's ListenerInfo.suspend() would also close the connections in flight.)
        graceful.shutdown();
        try {
            if (!graceful.awaitShutdown(limits.shutdownGrace().toMillis())) {
                LOG.warn("Requests still running after {} s; closing anyway", limits.shutdownGrace().toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        undertow.stop();
        closeQuietly(login);
        undertow = null;
        graceful = null;
        login = null;
        port = -1;
        LOG.info("HTTP server stopped");
    }

    @Override
    public void close() {
        stop();
    }

    public boolean isRunning() {
        return undertow != null;
    }

    /** The bound port (useful with port 0), or -1 when stopped. */
    public int port() {
        return port;
    }

    /** {@code http(s)://host:port/mcp/v1} as a client would reach it. */
    public URI endpoint() {
        return URI.create(baseUri() + RootHandler.MCP_PATH);
    }

    /** {@code http(s)://host:port} as a client would reach it. */
    public String baseUri() {
        ListenAddress address = ListenAddress.parse(config.http().address());
        boolean tls = config.http().tls() != null && config.http().tls().enabled();
        return (tls ? "https://" : "http://") + address.authority(port);
    }

    private void logStartup(ListenAddress address, boolean tls, TrustedProxies proxies) {
        if (auth != null) {
            AuthSettings settings = auth.settings();
            LOG.info("Loaded {} API token(s) from {}", auth.tokens().size(), settings.tokenFile());
            LOG.info("Loaded {} user(s) from {}", auth.users().size(), settings.userFile());
            LOG.info("Watching for changes: {}, {}", settings.tokenFile(), settings.userFile());
            LOG.info("Rate limiting: {} failed attempt(s) per {} minute(s) per client address",
                    settings.rateLimitMaxAttempts(), settings.rateLimitWindow().toMinutes());
            if (settings.maxFailedAttemptsBeforeLockout() > 0) {
                LOG.info("Account lockout: after {} consecutive failed login(s)",
                        settings.maxFailedAttemptsBeforeLockout());
            } else {
                LOG.info("Account lockout: disabled");
            }
            LOG.info("Authentication: ENABLED");
        } else {
            LOG.warn("************************************************************");
            LOG.warn("Authentication: DISABLED (-no-auth). Anyone who can reach");
            LOG.warn("this server can use every tool. Never do this in production.");
            LOG.warn("************************************************************");
        }
        if (!proxies.isEmpty()) {
            LOG.info("Trusted proxies: {}", config.http().trustedProxies());
        }
        if (!config.http().allowedOrigins().isEmpty()) {
            LOG.info("Allowed origins: {} (and localhost)", config.http().allowedOrigins());
        }
        LOG.info("Starting MCP server in {} mode on {}", tls ? "HTTPS" : "HTTP", config.http().address());
        if (tls) {
            LOG.info("Certificate: {} ({})", config.http().tls().certFile(),
                    PemSslContext.describe(config.http().tls().certFile()));
            LOG.info("Key: {}", config.http().tls().keyFile());
            if (config.http().tls().chainFile() != null) {
                LOG.info("Chain: {}", config.http().tls().chainFile());
            }
        }
        if (ListenAddress.ALL_INTERFACES.equals(address.host())) {
            LOG.info("Listening on all network interfaces");
        }
    }

    private static int millis(java.time.Duration duration) {
        return (int) Math.min(Integer.MAX_VALUE, duration.toMillis());
    }
}
