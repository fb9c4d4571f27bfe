package com.pgedge.mcp.admin;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import javafx.scene.Scene;
import javafx.stage.Stage;

import com.pgedge.mcp.admin.activity.ActivityView;
import com.pgedge.mcp.admin.activity.ActivityViewModel;
import com.pgedge.mcp.admin.lockouts.LockoutsView;
import com.pgedge.mcp.admin.lockouts.LockoutsViewModel;
import com.pgedge.mcp.admin.prefs.ConsolePreferences;
import com.pgedge.mcp.admin.server.ServerView;
import com.pgedge.mcp.admin.server.ServerViewModel;
import com.pgedge.mcp.admin.shell.MainWindow;
import com.pgedge.mcp.admin.shell.Screen;
import com.pgedge.mcp.admin.store.ConsoleStore;
import com.pgedge.mcp.admin.store.Feedback;
import com.pgedge.mcp.admin.store.SettingsResolver;
import com.pgedge.mcp.admin.store.StoreLocation;
import com.pgedge.mcp.admin.task.TaskRunner;
import com.pgedge.mcp.admin.tokens.TokensView;
import com.pgedge.mcp.admin.tokens.TokensViewModel;
import com.pgedge.mcp.admin.users.UsersView;
import com.pgedge.mcp.admin.users.UsersViewModel;

/**
 * The composition root: builds the store, the ViewModels, the screens and the window, and puts
 * them on a stage. The application and the GUI tests build the console the same way, so the
 * tests drive the real scene.
 */
public final class Console implements AutoCloseable {

    /**
     * @param dataFolder    where preferences live and, on first start, fresh credential files
     * @param initial       files to open, or {@code null} for the most recent, else the data folder
     * @param notifications show toast notifications (off in tests: they are windows of their own)
     */
    public record Setup(Path dataFolder, StoreLocation initial, Clock clock, TaskRunner runner,
                        SettingsResolver resolver, ConsoleStore.ServiceFactory factory, boolean notifications) {
        public Setup {
            Objects.requireNonNull(dataFolder, "dataFolder");
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(runner, "runner");
            Objects.requireNonNull(resolver, "resolver");
            factory = factory == null ? com.pgedge.mcp.auth.AuthService::open : factory;
        }
    }

    private final Setup setup;
    private final ConsolePreferences prefs;
    private final Feedback feedback = new Feedback();
    private final ConsoleStore store;
    private final UsersViewModel usersVm;
    private final TokensViewModel tokensVm;
    private final LockoutsViewModel lockoutsVm;
    private final ActivityViewModel activityVm;
    private final ServerViewModel serverVm;
    private final MainWindow window;
    private final Stage stage;

    private Console(Stage stage, Setup setup) {
        this.stage = stage;
        this.setup = setup;
        this.prefs = ConsolePreferences.load(setup.dataFolder());
        MainWindow.applyTheme(prefs.darkTheme());
        this.store = new ConsoleStore(setup.runner(), setup.resolver(), setup.clock(), setup.factory());
        this.usersVm = new UsersViewModel(store, feedback);
        this.tokensVm = new TokensViewModel(store, feedback);
        this.lockoutsVm = new LockoutsViewModel(store, feedback, usersVm);
        this.activityVm = new ActivityViewModel(setup.runner(), setup.clock());
        // The activity log follows the audit file of whatever store is open.
        store.settingsProperty().addListener((obs, old, s) -> {
            if (s != null) {
                activityVm.follow(s.auth().effectiveAuditFile());
            }
        });
        List<Screen> screens = new ArrayList<>();
        screens.add(new UsersView(usersVm, setup.clock()));
        TokensView tokensView = new TokensView(tokensVm, setup.clock());
        screens.add(tokensView);
        LockoutsView lockoutsView = new LockoutsView(lockoutsVm, setup.clock());
        screens.add(lockoutsView);
        screens.add(new ActivityView(activityVm, key -> {
            showScreen("lockouts");
            lockoutsView.reveal(key);
        }));
        this.serverVm = new ServerViewModel(store, null);
        screens.add(new ServerView(serverVm));
        tokensView.setUseOnServer(token -> {
            serverVm.tokenProperty().set(token);
            showScreen("server");
        });
        this.window = new MainWindow(store, feedback, prefs, screens, this::open, this::quit, setup.notifications());
        window.serverStateProperty().bind(serverVm.statusTextProperty());
    }

    /** Builds the console on {@code stage}, shows it, and starts opening the files. */
    public static Console start(Stage stage, Setup setup) {
        Console c = new Console(stage, setup);
        ConsolePreferences.WindowBounds b = c.prefs.window();
        stage.setScene(new Scene(c.window.root(), b.width(), b.height()));
        stage.setTitle("pgEdge PostgreSQL MCP admin");
        stage.setMaximized(b.maximized());
        stage.setOnCloseRequest(e -> c.close());
        stage.getIcons().addAll(Icons.window());
        stage.show();
        c.open(c.initialLocation());
        return c;
    }

    private void showScreen(String key) {
        window.show(key);
    }

    private StoreLocation initialLocation() {
        if (setup.initial() != null) {
            return setup.initial();
        }
        List<StoreLocation> recent = prefs.recent();
        return recent.isEmpty() ? StoreLocation.inFolder(setup.dataFolder()) : recent.get(0);
    }

    /** Opens other files (File > Open, recent list); remembers them once they load. */
    public void open(StoreLocation location) {
        store.open(location, opened -> {
            prefs.addRecent(location);
            savePrefs();
            window.rebuildRecent();
        });
    }

    private void quit() {
        close();
        stage.close();
    }

    private void savePrefs() {
        try {
            prefs.save();
        } catch (IOException e) {
            feedback.error("Could not save the console preferences to " + prefs.file() + ": " + e.getMessage());
        }
    }

    @Override
    public void close() {
        if (stage.getScene() != null && stage.isShowing()) {
            prefs.setWindow(new ConsolePreferences.WindowBounds(stage.getWidth(), stage.getHeight(), stage.isMaximized()));
        }
        savePrefs();
        serverVm.close();
        activityVm.close();
        store.close();
        setup.runner().shutdown();
    }

    public ConsoleStore store() {
        return store;
    }

    public MainWindow window() {
        return window;
    }

    public Feedback feedback() {
        return feedback;
    }

    public UsersViewModel users() {
        return usersVm;
    }

    public TokensViewModel tokens() {
        return tokensVm;
    }

    public LockoutsViewModel lockouts() {
        return lockoutsVm;
    }

    public ServerViewModel server() {
        return serverVm;
    }

    public ActivityViewModel activity() {
        return activityVm;
    }

    public ConsolePreferences preferences() {
        return prefs;
    }
}
