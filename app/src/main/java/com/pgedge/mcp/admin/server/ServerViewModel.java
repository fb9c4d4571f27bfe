package com.pgedge.mcp.admin.server;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import com.pgedge.mcp.admin.store.ConsoleStore;
import com.pgedge.mcp.admin.store.ErrorText;
import com.pgedge.mcp.admin.store.StoreSettings;
import com.pgedge.mcp.admin.task.UiBatcher;
import com.pgedge.mcp.auth.AuthService;
import com.pgedge.mcp.auth.AuthSettings;
import com.pgedge.mcp.config.DatabaseConfig;
import com.pgedge.mcp.config.ServerConfig;
import com.pgedge.mcp.db.DatabaseToolset;
import com.pgedge.mcp.http.HttpServerException;
import com.pgedge.mcp.http.ListenAddress;
import com.pgedge.mcp.http.McpHttpServer;
import com.pgedge.mcp.mcp.ToolRegistry;

/**
 * Starts and stops an MCP server inside the console. It shares the console's {@link AuthService},
 * so its logins and lockouts show in the console at once and the console's edits take effect
 * in it at once. Starting (PostgreSQL for the development database takes seconds) and stopping
 * run in the background; the window never waits.
 */
public final class ServerViewModel implements AutoCloseable {

    static final int MAX_LOG_LINES = 1000;

    private final ConsoleStore store;
    private final Path devFolder;

    private final StringProperty address = new SimpleStringProperty("127.0.0.1:8080");
    private final BooleanProperty tls = new SimpleBooleanProperty(false);
    private final StringProperty certFile = new SimpleStringProperty("");
    private final StringProperty keyFile = new SimpleStringProperty("");
    private final IntegerProperty lockout = new SimpleIntegerProperty(0);
    private final IntegerProperty rateWindowMinutes = new SimpleIntegerProperty(15);
    private final IntegerProperty rateMaxAttempts = new SimpleIntegerProperty(10);
    private final ObjectProperty<DatabaseChoice> database = new SimpleObjectProperty<>(DatabaseChoice.NONE);

    private final ReadOnlyObjectWrapper<ServerState> state = new ReadOnlyObjectWrapper<>(ServerState.STOPPED);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("Not running.");
    private final ReadOnlyStringWrapper url = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper statusText = new ReadOnlyStringWrapper("Server: not running");
    private final ReadOnlyStringWrapper testResult = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Map<String, String>> snippets = new ReadOnlyObjectWrapper<>(Map.of());
    /**
     * A token to test with and to fill into the snippets. Memory only: never saved, never logged,
     * cleared when the console closes. Pasted by the person, or handed over from the Tokens
     * screen's show-once dialog.
     */
    private final StringProperty token = new SimpleStringProperty("");
    private final ObservableList<String> log = FXCollections.observableArrayList();
    /** Log lines come from server threads; the list takes them in batches, at most ten a second. */
    private final UiBatcher<String> incomingLog;

    private McpHttpServer server;
    private DatabaseToolset toolset;
    private Runnable detachLog;
    private AuthService serving;

    public ServerViewModel(ConsoleStore store, Path devFolder) {
        this.store = Objects.requireNonNull(store, "store");
        this.devFolder = devFolder;
        this.incomingLog = new UiBatcher<>(store.runner(), Duration.ofMillis(100), this::addLog);
        store.settingsProperty().addListener((o, a, s) -> takeDefaults(s));
        takeDefaults(store.settings());
        token.addListener((o, a, t) -> {
            if (server != null) {
                snippets.set(ClientSnippets.forEndpoint(server.endpoint(), t));
            }
        });
        // The server serves with the store's AuthService: opening other files ends it.
        store.serviceProperty().addListener((o, old, now) -> {
            if (server != null && now != serving) {
                appendLog("The console opened other credential files: stopping the server.");
                stop();
            }
        });
    }

    /** Fills the form from the opened configuration (threshold, rate limit, address, TLS, databases). */
    private void takeDefaults(StoreSettings s) {
        if (s == null || state.get() == ServerState.RUNNING || state.get() == ServerState.STARTING) {
            return;
        }
        AuthSettings a = s.auth();
        lockout.set(a.maxFailedAttemptsBeforeLockout());
        rateWindowMinutes.set((int) Math.max(1, a.rateLimitWindow().toMinutes()));
        rateMaxAttempts.set(a.rateLimitMaxAttempts());
        ServerConfig c = s.config();
        if (c != null) {
            address.set(c.http().address());
            if (c.http().tls() != null) {
                tls.set(c.http().tls().enabled());
                certFile.set(c.http().tls().certFile() == null ? "" : c.http().tls().certFile().toString());
                keyFile.set(c.http().tls().keyFile() == null ? "" : c.http().tls().keyFile().toString());
            }
        }
        database.set(s.databases().isEmpty() ? (database.get() == DatabaseChoice.CONFIGURED ? DatabaseChoice.NONE : database.get())
                : DatabaseChoice.CONFIGURED);
    }

    /** Checks the form; returns a message for the person, or null when it can start. */
    public String problem() {
        try {
            ListenAddress.parse(address.get());
        } catch (RuntimeException e) {
            return ErrorText.describe(e);
        }
        if (tls.get() && (certFile.get().isBlank() || keyFile.get().isBlank())) {
            return "TLS needs a certificate file and a key file (PEM).";
        }
        if (lockout.get() < 0 || rateWindowMinutes.get() < 1 || rateMaxAttempts.get() < 1) {
            return "Lockout must be 0 (off) or more; the rate-limit window and attempts at least 1.";
        }
        if (database.get() == DatabaseChoice.CONFIGURED && store.databases().isEmpty()) {
            return "No databases are configured: open a configuration file with a databases section, "
                    + "or choose the embedded development database.";
        }
        return null;
    }

    public void start() {
        if (state.get() == ServerState.RUNNING || state.get() == ServerState.STARTING) {
            return;
        }
        String problem = problem();
        if (problem != null) {
            fail(problem);
            return;
        }
        StoreSettings current = store.settings();
        if (current == null) {
            fail("No credential files are open. Use File > Open.");
            return;
        }
        state.set(ServerState.STARTING);
        message.set("Starting...");
        statusText.set("Server: starting");
        AuthSettings wanted = current.auth().withLockout(lockout.get())
                .withRateLimit(Duration.ofMinutes(rateWindowMinutes.get()), rateMaxAttempts.get());
        if (wanted.equals(current.auth())) {
            launch(current);
        } else {
            // Lockout and rate limit belong to the auth core: open it again with the new values.
            appendLog("Applying lockout " + lockout.get() + ", rate limit " + rateMaxAttempts.get() + " per "
                    + rateWindowMinutes.get() + " min");
            store.reopen(s -> new StoreSettings(wanted, s.databases(), s.config()), () -> launch(store.settings()),
                    failure -> fail(ErrorText.describe(failure)));
        }
    }

    private record Started(McpHttpServer server, DatabaseToolset toolset, AuthService auth, Runnable detachLog) {
    }

    private void launch(StoreSettings settings) {
        ServerConfig config = serverConfig(settings);
        DatabaseChoice choice = database.get();
        store.runner().runBeside("Starting the server", () -> {
            Runnable detach = LogCapture.attach(this::appendLog, store.clock().getZone());
            DatabaseToolset tools = null;
            try {
                AuthService auth = store.service();
                ToolRegistry.Builder registry = ToolRegistry.builder();
                if (choice == DatabaseChoice.CONFIGURED) {
                    tools = DatabaseToolset.open(config.databases());
                } else if (choice == DatabaseChoice.DEVELOPMENT) {
                    ServerConfig dev = new ServerConfig(config.configFile(), config.http(), List.of(), config.debug(), true);
                    tools = devFolder == null ? DatabaseToolset.fromConfig(dev, this::appendLog)
                            : DatabaseToolset.fromConfig(dev, devFolder, this::appendLog);
                }
                if (tools != null) {
                    tools.closePoolsOnRevocation(auth);
                    registry.tools(tools.tools()).resources(tools.resources());
                }
                McpHttpServer http = new McpHttpServer(config, auth, registry.build());
                http.start();
                return new Started(http, tools, auth, detach);
            } catch (RuntimeException | Error e) {
                if (tools != null) {
                    tools.close();
                }
                if (detach != null) {
                    detach.run();
                }
                throw e;
            }
        }, started -> {
            server = started.server();
            toolset = started.toolset();
            serving = started.auth();
            detachLog = started.detachLog();
            String endpoint = server.endpoint().toString();
            url.set(endpoint);
            snippets.set(ClientSnippets.forEndpoint(server.endpoint(), token.get()));
            state.set(ServerState.RUNNING);
            message.set("Running at " + endpoint + (toolset == null ? " (no database tools)" : ""));
            statusText.set("Server: running on " + server.endpoint().getAuthority());
        }, failure -> fail(startFailure(failure)));
    }

    /** Port in use, bad TLS files, a database that does not start: said plainly. */
    static String startFailure(Throwable failure) {
        String text = ErrorText.describe(failure);
        if (failure instanceof HttpServerException && text.toLowerCase(java.util.Locale.ROOT).contains("already in use")) {
            return text + ". Another program is using that port: stop it or choose another port (for example :8081).";
        }
        if (failure instanceof HttpServerException) {
            return text;
        }
        return "The server could not start: " + text;
    }

    private ServerConfig serverConfig(StoreSettings s) {
        AuthSettings a = s.auth();
        ServerConfig base = s.config();
        ServerConfig.TlsConfig tlsConfig = new ServerConfig.TlsConfig(tls.get(),
                certFile.get().isBlank() ? null : Path.of(certFile.get().strip()),
                keyFile.get().isBlank() ? null : Path.of(keyFile.get().strip()),
                base != null && base.http().tls() != null ? base.http().tls().chainFile() : null);
        ServerConfig.AuthConfig auth = new ServerConfig.AuthConfig(true, a.tokenFile(), a.userFile(), a.auditFile(),
                a.maxFailedAttemptsBeforeLockout(), (int) a.rateLimitWindow().toMinutes(), a.rateLimitMaxAttempts());
        ServerConfig.HttpConfig http = new ServerConfig.HttpConfig(true, address.get().strip(),
                base == null ? List.of() : base.http().trustedProxies(),
                base == null ? List.of() : base.http().allowedOrigins(), tlsConfig, auth);
        List<DatabaseConfig> dbs = base == null ? List.of() : base.databases();
        return new ServerConfig(base == null ? null : base.configFile(), http, dbs, false, false);
    }

    public void stop() {
        if (server == null || state.get() == ServerState.STOPPING) {
            return;
        }
        McpHttpServer s = server;
        DatabaseToolset t = toolset;
        Runnable detach = detachLog;
        server = null;
        toolset = null;
        serving = null;
        detachLog = null;
        state.set(ServerState.STOPPING);
        message.set("Stopping...");
        store.runner().runBeside("Stopping the server", () -> {
            try {
                s.stop();
            } finally {
                if (t != null) {
                    t.close();
                }
                if (detach != null) {
                    detach.run();
                }
            }
            return Boolean.TRUE;
        }, ok -> stopped("Stopped."), failure -> stopped("Stopped, with a problem: " + ErrorText.describe(failure)));
    }

    private void stopped(String text) {
        state.set(ServerState.STOPPED);
        message.set(text);
        url.set("");
        snippets.set(Map.of());
        statusText.set("Server: not running");
    }

    private void fail(String text) {
        state.set(ServerState.FAILED);
        message.set(text);
        statusText.set("Server: failed to start");
        appendLog("ERROR  " + text);
    }

    /**
     * Checks the running server from outside, as a client would: with a token, {@code initialize}
     * and {@code tools/list} over HTTP; without one, {@code /health} and that a request without a
     * token is refused. The calls run in the background; the result is said in words.
     */
    public void testConnection() {
        String endpoint = url.get();
        if (endpoint.isEmpty()) {
            testResult.set("Start the server first.");
            return;
        }
        String bearer = token.get();
        testResult.set("Testing...");
        if (bearer == null || bearer.isBlank()) {
            store.runner().runBeside("Testing the connection", () -> probe(URI.create(endpoint))
                            + " Paste a token in the Token field to test initialize and tools/list.",
                    testResult::set, failure -> testResult.set("Failed: " + ErrorText.describe(failure)));
            return;
        }
        store.runner().runBeside("Testing the connection",
                () -> new ConnectionProbe(Duration.ofSeconds(5)).test(URI.create(endpoint), bearer).text(),
                testResult::set, failure -> testResult.set("Failed: " + ErrorText.describe(failure)));
    }

    static String probe(URI endpoint) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        URI health = endpoint.resolve("/health");
        HttpResponse<String> h;
        try {
            h = client.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (javax.net.ssl.SSLHandshakeException e) {
            return "The server answers over TLS, but Java does not trust its certificate (self-signed?). "
                    + "Clients need the issuing CA.";
        } catch (java.net.ConnectException e) {
            return "Failed: nothing answers at " + health + ".";
        }
        if (h.statusCode() != 200 || !h.body().contains("\"ok\"")) {
            return "Failed: " + health + " answered " + h.statusCode() + ".";
        }
        HttpResponse<String> mcp = client.send(HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        String auth = mcp.statusCode() == 401 ? "requests without a token are refused (401), as they should be"
                : "WARNING: a request without a token got " + mcp.statusCode() + ", not 401";
        return "OK: " + health + " is healthy; " + auth + ".";
    }

    private void appendLog(String line) {
        incomingLog.offer(line);
    }

    private void addLog(List<String> batch) {
        log.addAll(batch);
        if (log.size() > MAX_LOG_LINES) {
            log.remove(0, log.size() - MAX_LOG_LINES);
        }
    }

    /** Stops the server without waiting for the UI (window closing). */
    @Override
    public void close() {
        token.set("");
        McpHttpServer s = server;
        server = null;
        if (s != null) {
            s.stop();
        }
        if (toolset != null) {
            toolset.close();
            toolset = null;
        }
        if (detachLog != null) {
            detachLog.run();
            detachLog = null;
        }
    }

    public StringProperty addressProperty() {
        return address;
    }

    public BooleanProperty tlsProperty() {
        return tls;
    }

    public StringProperty certFileProperty() {
        return certFile;
    }

    public StringProperty keyFileProperty() {
        return keyFile;
    }

    public IntegerProperty lockoutProperty() {
        return lockout;
    }

    public IntegerProperty rateWindowMinutesProperty() {
        return rateWindowMinutes;
    }

    public IntegerProperty rateMaxAttemptsProperty() {
        return rateMaxAttempts;
    }

    public ObjectProperty<DatabaseChoice> databaseProperty() {
        return database;
    }

    public StringProperty tokenProperty() {
        return token;
    }

    public ReadOnlyObjectProperty<ServerState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty urlProperty() {
        return url.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusTextProperty() {
        return statusText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty testResultProperty() {
        return testResult.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Map<String, String>> snippetsProperty() {
        return snippets.getReadOnlyProperty();
    }

    public ObservableList<String> log() {
        return log;
    }
}
