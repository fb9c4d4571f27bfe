package com.pgedge.mcp.admin.store;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import com.pgedge.mcp.admin.task.TaskRunner;
import com.pgedge.mcp.admin.task.UiBatcher;
import com.pgedge.mcp.auth.AuthEvent;
import com.pgedge.mcp.auth.AuthEventType;
import com.pgedge.mcp.auth.AuthService;
import com.pgedge.mcp.auth.AuthSettings;
import com.pgedge.mcp.auth.Subscription;
import com.pgedge.mcp.auth.TokenRecord;
import com.pgedge.mcp.auth.UserRecord;

/**
 * The credential store the console has open: one {@link AuthService} (the only way the console
 * touches the files), the latest users and tokens read from it, and what the status bar and the
 * error banner show. Every property changes on the UI thread only.
 *
 * <p>Freshness: the core watches the files and publishes {@link AuthEventType#RELOADED} when
 * someone else changes them; any event that can change a row triggers one refresh. Refreshes are
 * coalesced, so a burst of events costs one read, not one per event.
 */
public final class ConsoleStore implements AutoCloseable {

    /** Events after which user rows may have changed. */
    private static final Set<AuthEventType> CHANGES_USERS = EnumSet.of(
            AuthEventType.LOGIN_SUCCEEDED, AuthEventType.LOGIN_FAILED, AuthEventType.ACCOUNT_LOCKED,
            AuthEventType.ACCOUNT_UNLOCKED, AuthEventType.USER_ADDED, AuthEventType.USER_UPDATED,
            AuthEventType.USER_REMOVED, AuthEventType.USER_ENABLED, AuthEventType.USER_DISABLED);
    /** Events after which token rows may have changed. */
    private static final Set<AuthEventType> CHANGES_TOKENS = EnumSet.of(
            AuthEventType.TOKEN_ADDED, AuthEventType.TOKEN_REMOVED, AuthEventType.TOKENS_EXPIRED);
    /** Events that change only the rate limiter's blocked list (refresh listeners re-read it). */
    private static final Set<AuthEventType> CHANGES_LIMITER = EnumSet.of(
            AuthEventType.RATE_LIMITED, AuthEventType.TOKEN_REJECTED, AuthEventType.ADDRESS_CLEARED);

    static final java.time.Duration EVENT_BATCH = java.time.Duration.ofMillis(150);

    /** How the store opens the core: {@code AuthService::open}; tests pass a lower bcrypt cost. */
    @FunctionalInterface
    public interface ServiceFactory {
        AuthService open(AuthSettings settings, Clock clock);
    }

    private final TaskRunner runner;
    private final SettingsResolver resolver;
    private final Clock clock;
    private final ServiceFactory factory;

    private final ReadOnlyObjectWrapper<StoreLocation> location = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<StoreSettings> settings = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<List<UserRecord>> users = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyObjectWrapper<List<TokenRecord>> tokens = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyObjectWrapper<Instant> lastReload = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper loadError = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper open = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<AuthService> service = new ReadOnlyObjectWrapper<>();

    /** Per-file reload problems; the banner shows them all until each file loads again. */
    private final Map<String, String> fileErrors = new LinkedHashMap<>();
    private final List<Consumer<AuthEvent>> eventListeners = new CopyOnWriteArrayList<>();
    private final List<Runnable> refreshListeners = new CopyOnWriteArrayList<>();

    /** Events reach the UI thread in batches: a burst of failed logins must not flood it. */
    private final UiBatcher<AuthEvent> events;
    private boolean hotReload = true;
    private Subscription subscription;
    private boolean refreshRunning;
    private boolean refreshAgain;
    /** Bumped on every open, so results of a refresh for a store that was since replaced are dropped. */
    private long generation;

    public ConsoleStore(TaskRunner runner, SettingsResolver resolver, Clock clock, ServiceFactory factory) {
        this.runner = Objects.requireNonNull(runner, "runner");
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.factory = Objects.requireNonNull(factory, "factory");
        this.events = new UiBatcher<>(runner, EVENT_BATCH, batch -> batch.forEach(this::onEvent));
    }

    /**
     * Opens the given files in the background, starts hot reload and reads the rows. The store
     * that was open before stays open until the new one has loaded, so a bad choice loses nothing.
     */
    public void open(StoreLocation where, Consumer<StoreLocation> onOpened) {
        open(where, s -> s, onOpened, null);
    }

    /**
     * Opens the same files again with adjusted settings (the Server screen's lockout and rate
     * limit), then calls {@code onOpened}; on failure {@code onFailed}.
     */
    public void reopen(java.util.function.UnaryOperator<StoreSettings> adjust, Runnable onOpened, Consumer<Throwable> onFailed) {
        StoreLocation where = location.get();
        if (where == null) {
            onFailed.accept(new com.pgedge.mcp.auth.AuthException("No credential files are open. Use File > Open."));
            return;
        }
        open(where, adjust, l -> onOpened.run(), onFailed);
    }

    private void open(StoreLocation where, java.util.function.UnaryOperator<StoreSettings> adjust,
                      Consumer<StoreLocation> onOpened, Consumer<Throwable> onFailed) {
        runner.run("Opening credential files", () -> {
            StoreSettings resolved = adjust.apply(resolver.resolve(where));
            AuthService opened = factory.open(resolved.auth(), clock);
            try {
                if (hotReload) {
                    opened.start();
                }
                // The settings' paths are the ones in use (a config file may have supplied them).
                StoreLocation actual = new StoreLocation(resolved.auth().tokenFile(), resolved.auth().userFile(),
                        where.configFile());
                return new Opened(actual, resolved, opened, opened.users(), opened.tokens());
            } catch (RuntimeException e) {
                opened.close();
                throw e;
            }
        }, o -> {
            closeService();
            generation++;
            fileErrors.clear();
            loadError.set("");
            settings.set(o.settings());
            location.set(o.location());
            service.set(o.service());
            subscription = o.service().addListener(events::offer);
            open.set(true);
            lastReload.set(clock.instant());
            publishRows(o.users(), o.tokens());
            if (onOpened != null) {
                onOpened.accept(o.location());
            }
        }, failure -> {
            String message = "Could not open " + where.label() + ": " + ErrorText.describe(failure);
            if (open.get()) {
                message += " The files opened before are still in use.";
            }
            loadError.set(message);
            if (onFailed != null) {
                onFailed.accept(failure);
            }
        });
    }

    private record Opened(StoreLocation location, StoreSettings settings, AuthService service,
                          List<UserRecord> users, List<TokenRecord> tokens) {
    }

    private void onEvent(AuthEvent event) {
        if (event.type() == AuthEventType.RELOAD_FAILED) {
            String file = event.subject() == null ? "a credential file" : event.subject();
            fileErrors.put(file, "Could not reload " + file + ": "
                    + (event.reason() == null ? "the file is invalid" : event.reason())
                    + ". Showing the last good data until the file is fixed.");
            updateLoadError();
        } else if (event.type() == AuthEventType.RELOADED) {
            if (event.subject() == null) {
                fileErrors.clear();
            } else {
                fileErrors.remove(event.subject());
            }
            updateLoadError();
            lastReload.set(event.time());
        }
        // Read only what may have changed: under a flood of failed logins from a server in the
        // console, re-reading 100 000 tokens for each burst would be wasted work.
        if (event.type() == AuthEventType.RELOADED) {
            AuthService s = service.get();
            boolean tokenFile = s != null && event.subject() != null && event.subject().equals(s.tokenFile().toString());
            boolean userFile = s != null && event.subject() != null && event.subject().equals(s.userFile().toString());
            refresh(userFile || !tokenFile, tokenFile || !userFile);
        } else if (CHANGES_USERS.contains(event.type())) {
            refresh(true, false);
        } else if (CHANGES_TOKENS.contains(event.type())) {
            refresh(false, true);
        } else if (CHANGES_LIMITER.contains(event.type())) {
            refresh(false, false);
        }
        for (Consumer<AuthEvent> l : eventListeners) {
            l.accept(event);
        }
    }

    private void updateLoadError() {
        loadError.set(String.join("\n", fileErrors.values()));
    }

    /**
     * Whether opening starts the core's file watcher (default on). ViewModel tests turn it off
     * and call {@link #reloadFromDisk()} so that every event arrives on the test thread.
     */
    public void setHotReload(boolean on) {
        this.hotReload = on;
    }

    /** File > Reload: asks the core to re-read both files now (it reloads by itself too), then refreshes. */
    public void reloadFromDisk() {
        AuthService current = service.get();
        if (current == null) {
            return;
        }
        runner.run("Reloading", () -> {
            current.reload();
            return Boolean.TRUE;
        }, ok -> refresh(), failure -> loadError.set("Could not reload: " + ErrorText.describe(failure)));
    }

    /** Reads the rows again (coalesced: at most one read running and one queued). */
    public void refresh() {
        refresh(true, true);
    }

    private boolean pendingUsers;
    private boolean pendingTokens;

    /** Coalesced refresh of the users, the tokens, both, or neither (then only the listeners run). */
    private void refresh(boolean readUsers, boolean readTokens) {
        AuthService current = service.get();
        if (current == null) {
            return;
        }
        pendingUsers |= readUsers;
        pendingTokens |= readTokens;
        if (refreshRunning) {
            refreshAgain = true;
            return;
        }
        boolean u = pendingUsers;
        boolean t = pendingTokens;
        pendingUsers = false;
        pendingTokens = false;
        refreshRunning = true;
        long gen = generation;
        runner.run("Reading credentials", () -> new Rows(u ? current.users() : null, t ? current.tokens() : null), rows -> {
            refreshDone();
            if (gen == generation) {
                publishRows(rows.users(), rows.tokens());
            }
        }, failure -> {
            refreshDone();
            loadError.set("Could not read the credentials: " + ErrorText.describe(failure));
        });
    }

    private record Rows(List<UserRecord> users, List<TokenRecord> tokens) {
    }

    private void refreshDone() {
        refreshRunning = false;
        if (refreshAgain) {
            refreshAgain = false;
            refresh(false, false); // runs what is pending
        }
    }

    /** {@code null} means "not re-read": keep what is shown. */
    private void publishRows(List<UserRecord> u, List<TokenRecord> t) {
        if (u != null && !u.equals(users.get())) {
            users.set(u);
        }
        if (t != null && !t.equals(tokens.get())) {
            tokens.set(t);
        }
        for (Runnable r : refreshListeners) {
            r.run();
        }
    }

    /**
     * The open service, for ViewModel actions (called inside background work).
     *
     * @throws com.pgedge.mcp.auth.AuthException when no store is open
     */
    public AuthService service() {
        AuthService s = service.get();
        if (s == null) {
            throw new com.pgedge.mcp.auth.AuthException("No credential files are open. Use File > Open.");
        }
        return s;
    }

    /** Called on the UI thread for every auth event, after the store has handled it. */
    public Subscription addEventListener(Consumer<AuthEvent> listener) {
        eventListeners.add(listener);
        return () -> eventListeners.remove(listener);
    }

    /** Called on the UI thread after each refresh (also when nothing changed). */
    public Subscription addRefreshListener(Runnable listener) {
        refreshListeners.add(listener);
        return () -> refreshListeners.remove(listener);
    }

    public Clock clock() {
        return clock;
    }

    public TaskRunner runner() {
        return runner;
    }

    public ReadOnlyObjectProperty<StoreLocation> locationProperty() {
        return location.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<StoreSettings> settingsProperty() {
        return settings.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<List<UserRecord>> usersProperty() {
        return users.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<List<TokenRecord>> tokensProperty() {
        return tokens.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Instant> lastReloadProperty() {
        return lastReload.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty loadErrorProperty() {
        return loadError.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty openProperty() {
        return open.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<AuthService> serviceProperty() {
        return service.getReadOnlyProperty();
    }

    /** The settings of the open store, or defaults-like values before anything is open. */
    public StoreSettings settings() {
        return settings.get();
    }

    public List<String> databases() {
        StoreSettings s = settings.get();
        return s == null ? List.of() : new ArrayList<>(s.databases());
    }

    private void closeService() {
        if (subscription != null) {
            subscription.close();
            subscription = null;
        }
        AuthService old = service.get();
        if (old != null) {
            old.close();
        }
        service.set(null);
        open.set(false);
    }

    @Override
    public void close() {
        closeService();
    }
}
