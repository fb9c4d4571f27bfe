package com.pgedge.mcp.admin.shell;

import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.controlsfx.control.Notifications;
import org.controlsfx.control.StatusBar;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import javafx.application.Application;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.Duration;

import atlantafx.base.controls.Message;
import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import atlantafx.base.theme.Styles;

import com.pgedge.mcp.admin.Version;
import com.pgedge.mcp.admin.prefs.ConsolePreferences;
import com.pgedge.mcp.admin.store.ConsoleStore;
import com.pgedge.mcp.admin.store.Feedback;
import com.pgedge.mcp.admin.store.StoreLocation;

/**
 * The application shell: menus, navigation between screens, the error banners and the status
 * bar. Screens plug in through {@link Screen}; the shell knows nothing of users or tokens.
 */
public final class MainWindow {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final ConsoleStore store;
    private final Feedback feedback;
    private final ConsolePreferences prefs;
    private final Consumer<StoreLocation> opener;
    private final Runnable quit;
    private final boolean notifications;

    private final BorderPane root = new BorderPane();
    private final StackPane content = new StackPane();
    private final Map<String, Screen> screens = new LinkedHashMap<>();
    private final Map<String, ToggleButton> navButtons = new LinkedHashMap<>();
    private final ToggleGroup nav = new ToggleGroup();
    private final Menu actionsMenu = new Menu("Actions");
    private final Menu recentMenu = new Menu("Open recent");
    static final int BUSY_DELAY_MILLIS = 300;
    private final StringProperty serverState = new SimpleStringProperty("Server: not running");
    private final RadioMenuItem light = new RadioMenuItem("Light theme");
    private final RadioMenuItem dark = new RadioMenuItem("Dark theme");
    private Screen current;

    public MainWindow(ConsoleStore store, Feedback feedback, ConsolePreferences prefs, List<Screen> screenList,
                      Consumer<StoreLocation> opener, Runnable quit, boolean notifications) {
        this.store = store;
        this.feedback = feedback;
        this.prefs = prefs;
        this.opener = opener;
        this.quit = quit;
        this.notifications = notifications;
        root.setId("mainWindow");
        root.getStylesheets().add(MainWindow.class.getResource("/com/pgedge/mcp/admin/console.css").toExternalForm());

        VBox navBox = new VBox();
        navBox.getStyleClass().add("nav");
        navBox.setId("navigation");
        Label brand = new Label("MCP Admin");
        brand.getStyleClass().add("nav-title");
        navBox.getChildren().add(brand);
        int n = 1;
        for (Screen s : screenList) {
            screens.put(s.key(), s);
            ToggleButton b = new ToggleButton(s.title(), new FontIcon(s.icon()));
            b.setId("nav-" + s.key());
            b.setToggleGroup(nav);
            b.setTooltip(new Tooltip(s.title() + " (Ctrl+" + n++ + ")"));
            b.setOnAction(e -> show(s.key()));
            navButtons.put(s.key(), b);
            navBox.getChildren().add(b);
        }
        // A toggle group lets the selected button be clicked off; keep one always selected.
        nav.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null && old != null) {
                old.setSelected(true);
            }
        });

        root.setTop(new VBox(menuBar(), banners()));
        root.setLeft(navBox);
        root.setCenter(content);
        root.setBottom(statusBar());

        feedback.infoProperty().addListener((obs, old, msg) -> toast(msg));
        rebuildRecent();
        if (!screenList.isEmpty()) {
            show(screenList.get(0).key());
        }
    }

    public Parent root() {
        return root;
    }

    /** Switches to a screen by key ("users", "tokens", "lockouts", ...). */
    public void show(String key) {
        Screen s = screens.get(key);
        if (s == null) {
            return;
        }
        current = s;
        content.getChildren().setAll(s.content());
        navButtons.get(key).setSelected(true);
        actionsMenu.getItems().setAll(s.actions());
        actionsMenu.setDisable(s.actions().isEmpty());
        s.onShown();
    }

    public Screen current() {
        return current;
    }

    public StringProperty serverStateProperty() {
        return serverState;
    }

    private MenuBar menuBar() {
        Menu file = new Menu("File");
        file.setId("menuFile");
        recentMenu.setId("menuRecent");
        file.getItems().addAll(
                com.pgedge.mcp.admin.common.Controls.menuItem("menuOpen", "Open...", Feather.FOLDER, "Shortcut+O", this::openDialog),
                recentMenu,
                com.pgedge.mcp.admin.common.Controls.menuItem("menuReload", "Reload", Feather.REFRESH_CW, "F5", store::reloadFromDisk),
                new SeparatorMenuItem(),
                com.pgedge.mcp.admin.common.Controls.menuItem("menuQuit", "Quit", Feather.LOG_OUT, "Shortcut+Q", quit));

        actionsMenu.setId("menuActions");

        Menu view = new Menu("View");
        view.setId("menuView");
        int n = 1;
        for (Screen s : screens.values()) {
            view.getItems().add(com.pgedge.mcp.admin.common.Controls.menuItem("menuShow-" + s.key(), s.title(), s.icon(),
                    "Shortcut+" + n++, () -> show(s.key())));
        }
        ToggleGroup theme = new ToggleGroup();
        light.setId("menuThemeLight");
        dark.setId("menuThemeDark");
        light.setToggleGroup(theme);
        dark.setToggleGroup(theme);
        (prefs.darkTheme() ? dark : light).setSelected(true);
        light.setOnAction(e -> setDark(false));
        dark.setOnAction(e -> setDark(true));
        view.getItems().addAll(new SeparatorMenuItem(),
                com.pgedge.mcp.admin.common.Controls.menuItem("menuFind", "Find", Feather.SEARCH, "Shortcut+F", () -> {
                    if (current != null) {
                        current.focusSearch();
                    }
                }),
                new SeparatorMenuItem(), light, dark);

        Menu help = new Menu("Help");
        help.setId("menuHelp");
        help.getItems().add(com.pgedge.mcp.admin.common.Controls.menuItem("menuAbout", "About", Feather.INFO, "F1", this::about));

        MenuBar bar = new MenuBar(file, actionsMenu, view, help);
        bar.setId("menuBar");
        bar.setUseSystemMenuBar(true);
        return bar;
    }

    /** Applies the AtlantaFX theme and remembers the choice. */
    public void setDark(boolean isDark) {
        applyTheme(isDark);
        (isDark ? dark : light).setSelected(true);
        prefs.setDarkTheme(isDark);
    }

    public static void applyTheme(boolean isDark) {
        Application.setUserAgentStylesheet(isDark ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }

    private VBox banners() {
        Message loadError = new Message("The credential files have a problem", "", new FontIcon(Feather.ALERT_OCTAGON));
        loadError.setId("loadErrorBanner");
        loadError.getStyleClass().add(Styles.DANGER);
        loadError.descriptionProperty().bind(store.loadErrorProperty());
        loadError.visibleProperty().bind(store.loadErrorProperty().isNotEmpty());
        loadError.managedProperty().bind(loadError.visibleProperty());

        Message error = new Message("That did not work", "", new FontIcon(Feather.ALERT_TRIANGLE));
        error.setId("errorBanner");
        error.getStyleClass().add(Styles.WARNING);
        error.descriptionProperty().bind(feedback.errorProperty());
        error.visibleProperty().bind(feedback.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        error.setOnClose(e -> feedback.dismissError());

        VBox box = new VBox(6, loadError, error);
        box.getStyleClass().add("banner");
        box.setPadding(new javafx.geometry.Insets(0, 20, 0, 20));
        return box;
    }

    private StatusBar statusBar() {
        StatusBar bar = new StatusBar();
        bar.setId("statusBar");
        Label files = new Label();
        files.setId("statusFiles");
        files.getStyleClass().add("status-item");
        files.textProperty().bind(Bindings.createStringBinding(() -> {
            StoreLocation l = store.locationProperty().get();
            return l == null ? "No files open" : shorten(statusText(l, System.getProperty("user.home")), 70);
        }, store.locationProperty()));
        Tooltip pathsTip = new Tooltip();
        pathsTip.textProperty().bind(Bindings.createStringBinding(() -> {
            StoreLocation l = store.locationProperty().get();
            return l == null ? "" : "Token file: " + l.tokenFile() + "\nUser file: " + l.userFile()
                    + (l.configFile() == null ? "" : "\nConfiguration: " + l.configFile())
                    + (store.settings() == null ? "" : "\nAudit log: " + store.settings().auth().effectiveAuditFile());
        }, store.locationProperty()));
        files.setTooltip(pathsTip);
        Label reload = new Label();
        reload.setId("statusReload");
        reload.getStyleClass().add("status-item");
        reload.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        reload.textProperty().bind(Bindings.createStringBinding(() -> store.lastReloadProperty().get() == null ? ""
                : "Loaded " + TIME.format(store.lastReloadProperty().get().atZone(store.clock().getZone())),
                store.lastReloadProperty()));
        Label server = new Label();
        server.setId("statusServer");
        server.getStyleClass().add("status-item");
        server.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        server.textProperty().bind(serverState);
        bar.getRightItems().addAll(files, reload, server);
        // Shown only once work has run for a moment: the short reads that follow each auth event
        // (dozens a second under a burst of logins) would otherwise make the bar flicker and
        // keep an indeterminate progress animation repainting the window.
        javafx.beans.property.BooleanProperty busy = new javafx.beans.property.SimpleBooleanProperty(false);
        javafx.animation.PauseTransition settle = new javafx.animation.PauseTransition(Duration.millis(BUSY_DELAY_MILLIS));
        settle.setOnFinished(e -> busy.set(store.runner().runningProperty().get() > 0));
        store.runner().runningProperty().addListener((o, was, now) -> {
            if (now.intValue() == 0) {
                settle.stop();
                busy.set(false);
            } else if (!busy.get() && settle.getStatus() != javafx.animation.Animation.Status.RUNNING) {
                settle.playFromStart();
            }
        });
        bar.textProperty().bind(Bindings.createStringBinding(() -> {
            String task = store.runner().currentTitleProperty().get();
            if (busy.get() && task != null && !task.isEmpty()) {
                return task + "...";
            }
            return feedback.infoProperty().get();
        }, store.runner().currentTitleProperty(), feedback.infoProperty(), busy));
        bar.progressProperty().bind(Bindings.when(busy).then(-1.0).otherwise(0.0));
        return bar;
    }

    /**
     * The open store in a few words: the folder when both files share it (their names are the
     * defaults in almost every setup, and the tooltip has them), with the home folder as {@code ~}.
     */
    static String statusText(StoreLocation l, String home) {
        if (l.tokenFile() == null || l.userFile() == null) {
            return l.label();
        }
        java.nio.file.Path folder = l.userFile().getParent();
        if (folder == null || !folder.equals(l.tokenFile().getParent())) {
            return l.label();
        }
        String shown = folder.toString();
        if (home != null && !home.isEmpty() && folder.startsWith(java.nio.file.Path.of(home))) {
            shown = "~" + shown.substring(home.length());
        }
        return "Files in " + shown + (l.configFile() == null ? "" : " (+ " + l.configFile().getFileName() + ")");
    }

    /** Keeps the end of a long path (the file names), which is what tells stores apart. */
    static String shorten(String text, int max) {
        return text.length() <= max ? text : "..." + text.substring(text.length() - max + 3);
    }

    private void toast(String msg) {
        if (!notifications || msg == null || msg.isEmpty() || root.getScene() == null || root.getScene().getWindow() == null
                || !root.getScene().getWindow().isShowing()) {
            return;
        }
        Notifications.create().owner(root.getScene().getWindow()).text(msg).position(Pos.BOTTOM_RIGHT)
                .hideAfter(Duration.seconds(3)).graphic(new FontIcon(Feather.CHECK_CIRCLE)).show();
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    private void openDialog() {
        OpenStoreDialog.show(window(), store.locationProperty().get()).ifPresent(opener);
    }

    /** Rebuilds File > Open recent from the preferences (after every successful open). */
    public void rebuildRecent() {
        recentMenu.getItems().clear();
        List<StoreLocation> recent = prefs.recent();
        int i = 0;
        for (StoreLocation l : recent) {
            MenuItem item = new MenuItem(l.label());
            item.setId("menuRecent-" + i++);
            item.setMnemonicParsing(false);
            item.setOnAction(e -> opener.accept(l));
            recentMenu.getItems().add(item);
        }
        recentMenu.setDisable(recent.isEmpty());
    }

    private void about() {
        Alert about = new Alert(Alert.AlertType.INFORMATION);
        about.initOwner(window());
        about.setTitle("About");
        about.setHeaderText("pgEdge PostgreSQL MCP admin console " + Version.get());
        about.setContentText("Manages the users and API tokens of pgedge-postgres-mcp servers.\n"
                + "Edits go through the same auth core as the server: locked, atomic, backed up and audited.\n\n"
                + "Java " + System.getProperty("java.version") + ", JavaFX " + System.getProperty("javafx.runtime.version", "?"));
        about.getDialogPane().setId("aboutDialog");
        about.showAndWait();
    }
}
