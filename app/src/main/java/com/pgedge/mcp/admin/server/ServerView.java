package com.pgedge.mcp.admin.server;

import java.util.List;
import java.util.Map;

import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.PasswordField;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import com.pgedge.mcp.admin.common.Controls;
import com.pgedge.mcp.admin.shell.Screen;

/** The Server screen: start and stop an MCP server inside the console, and connect clients to it. */
public final class ServerView implements Screen {

    private final ServerViewModel vm;
    private final VBox root = new VBox();
    private final List<MenuItem> actions;

    public ServerView(ServerViewModel vm) {
        this.vm = vm;
        root.getStyleClass().add("screen");
        root.setId("serverScreen");

        Label title = new Label("Server");
        title.getStyleClass().add("screen-title");
        Label message = new Label();
        message.setId("serverMessage");
        message.getStyleClass().add("screen-summary");
        message.textProperty().bind(vm.messageProperty());

        Label state = new Label();
        state.setId("serverState");
        state.getStyleClass().add("badge");
        state.textProperty().bind(Bindings.createStringBinding(() -> vm.stateProperty().get().label(), vm.stateProperty()));
        vm.stateProperty().addListener((o, a, s) -> styleState(state));
        styleState(state);

        Button start = Controls.button("startServer", "Start", Feather.PLAY, "Start the server (Ctrl+R)");
        start.getStyleClass().add(atlantafx.base.theme.Styles.ACCENT);
        Button stop = Controls.button("stopServer", "Stop", Feather.SQUARE, "Stop the server: in-flight requests finish first");
        Button test = Controls.button("testConnection", "Test connection", Feather.ZAP,
                "Call initialize and tools/list with the token, as a client would");
        start.disableProperty().bind(Bindings.createBooleanBinding(() -> vm.stateProperty().get() == ServerState.RUNNING
                || vm.stateProperty().get() == ServerState.STARTING || vm.stateProperty().get() == ServerState.STOPPING, vm.stateProperty()));
        stop.disableProperty().bind(vm.stateProperty().isNotEqualTo(ServerState.RUNNING));
        test.disableProperty().bind(vm.stateProperty().isNotEqualTo(ServerState.RUNNING));
        start.setOnAction(e -> vm.start());
        stop.setOnAction(e -> vm.stop());
        test.setOnAction(e -> vm.testConnection());
        Label testResult = new Label();
        testResult.setId("testResult");
        testResult.getStyleClass().add("hint");
        testResult.setWrapText(true);
        testResult.textProperty().bind(vm.testResultProperty());
        testResult.managedProperty().bind(vm.testResultProperty().isNotEmpty());
        testResult.visibleProperty().bind(testResult.managedProperty());

        TextField url = new TextField();
        url.setId("serverUrl");
        url.setEditable(false);
        url.setPromptText("the URL appears here once the server runs");
        url.textProperty().bind(vm.urlProperty());
        HBox.setHgrow(url, Priority.ALWAYS);
        Button copyUrl = Controls.button("copyUrl", "", Feather.COPY, "Copy the URL");
        copyUrl.disableProperty().bind(vm.urlProperty().isEmpty());
        copyUrl.setOnAction(e -> copy(vm.urlProperty().get()));

        HBox tokenRow = tokenRow();

        HBox controls = new HBox(start, stop, test, state);
        controls.getStyleClass().add("toolbar-row");

        VBox form = form();
        VBox snippets = snippets();
        HBox.setHgrow(snippets, Priority.ALWAYS);
        HBox upper = new HBox(16, form, snippets);

        ListView<String> log = new ListView<>(vm.log());
        log.setId("serverLog");
        log.getStyleClass().addAll("log-area", atlantafx.base.theme.Styles.DENSE);
        log.setPlaceholder(new Label("The server's log appears here."));
        vm.log().addListener((javafx.collections.ListChangeListener<String>) c -> {
            if (!vm.log().isEmpty()) {
                log.scrollTo(vm.log().size() - 1);
            }
        });
        VBox.setVgrow(log, Priority.ALWAYS);
        log.setMinHeight(80);
        log.setPrefHeight(120);
        Label logTitle = new Label("Log");
        logTitle.getStyleClass().add("section-title");

        root.getChildren().addAll(new VBox(2, title, message), controls, urlAndToken(url, copyUrl, tokenRow), testResult, upper,
                logTitle, log);

        actions = List.of(
                Controls.menuItem("menuStartServer", "Start server", Feather.PLAY, "Shortcut+R", vm::start),
                Controls.menuItem("menuStopServer", "Stop server", Feather.SQUARE, null, vm::stop),
                Controls.menuItem("menuTestConnection", "Test connection", Feather.ZAP, null, vm::testConnection));
    }

    /** URL and token share one row, so the screen still fits 1280x800 with the log visible. */
    private static HBox urlAndToken(TextField url, Button copyUrl, HBox tokenRow) {
        HBox.setHgrow(tokenRow, Priority.ALWAYS);
        url.setPrefColumnCount(24);
        tokenRow.setPrefWidth(520);
        HBox row = new HBox(6, url, copyUrl, tokenRow);
        HBox.setMargin(tokenRow, new Insets(0, 0, 0, 12));
        row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return row;
    }

    /**
     * The token to test with and to fill into the snippets: hidden by default, with show/hide.
     * Bound to the ViewModel's memory-only property; nothing here saves or logs it.
     */
    private HBox tokenRow() {
        PasswordField hidden = new PasswordField();
        hidden.setId("serverToken");
        hidden.setPromptText("paste a token to test with (kept in memory only)");
        hidden.textProperty().bindBidirectional(vm.tokenProperty());
        TextField shown = new TextField();
        shown.setId("serverTokenShown");
        shown.setPromptText(hidden.getPromptText());
        shown.textProperty().bindBidirectional(vm.tokenProperty());
        ToggleButton reveal = new ToggleButton("", new FontIcon(Feather.EYE));
        reveal.setId("showToken");
        reveal.setTooltip(new javafx.scene.control.Tooltip("Show or hide the token"));
        shown.visibleProperty().bind(reveal.selectedProperty());
        hidden.visibleProperty().bind(reveal.selectedProperty().not());
        reveal.selectedProperty().addListener((o, a, on) -> {
            reveal.setGraphic(new FontIcon(on ? Feather.EYE_OFF : Feather.EYE));
            (on ? shown : hidden).requestFocus();
        });
        StackPane field = new StackPane(hidden, shown);
        HBox.setHgrow(field, Priority.ALWAYS);
        Button clear = Controls.button("clearToken", "", Feather.X, "Forget the token");
        clear.disableProperty().bind(vm.tokenProperty().isEmpty());
        clear.setOnAction(e -> vm.tokenProperty().set(""));
        Label label = new Label("Token");
        label.setMinWidth(Label.USE_PREF_SIZE);
        label.setMaxHeight(Double.MAX_VALUE);
        HBox row = new HBox(6, label, field, reveal, clear);
        row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return row;
    }

    private static void styleState(Label state) {
        state.getStyleClass().removeIf(c -> c.startsWith("badge-"));
        String s = state.getText() == null ? "" : state.getText().toLowerCase(java.util.Locale.ROOT);
        state.getStyleClass().add(switch (s) {
            case "running" -> "badge-enabled";
            case "failed" -> "badge-locked";
            default -> "badge-disabled";
        });
    }

    private VBox form() {
        TextField address = new TextField();
        address.setId("serverAddress");
        address.textProperty().bindBidirectional(vm.addressProperty());
        address.setPromptText("127.0.0.1:8080 or :8080 for every interface");
        // AtlantaFX's switch: ControlsFX's ToggleSwitch stylesheet does not fit the AtlantaFX theme
        // (it draws a bare thumb with no track).
        atlantafx.base.controls.ToggleSwitch tls = new atlantafx.base.controls.ToggleSwitch("HTTPS (TLS 1.2+)");
        tls.setId("serverTls");
        tls.selectedProperty().bindBidirectional(vm.tlsProperty());
        TextField cert = new TextField();
        cert.setId("serverCert");
        cert.setPromptText("certificate (PEM)");
        cert.textProperty().bindBidirectional(vm.certFileProperty());
        TextField key = new TextField();
        key.setId("serverKey");
        key.setPromptText("private key (PEM)");
        key.textProperty().bindBidirectional(vm.keyFileProperty());
        cert.disableProperty().bind(vm.tlsProperty().not());
        key.disableProperty().bind(vm.tlsProperty().not());

        Spinner<Integer> lockout = spinner("serverLockout", 0, 1000, vm.lockoutProperty());
        Spinner<Integer> window = spinner("serverRateWindow", 1, 1440, vm.rateWindowMinutesProperty());
        Spinner<Integer> attempts = spinner("serverRateMax", 1, 10000, vm.rateMaxAttemptsProperty());
        ComboBox<DatabaseChoice> database = new ComboBox<>();
        database.setId("serverDatabase");
        database.getItems().setAll(DatabaseChoice.values());
        database.valueProperty().bindBidirectional(vm.databaseProperty());
        database.setMaxWidth(Double.MAX_VALUE);

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.addRow(0, new Label("Address"), address);
        grid.addRow(1, new Label("TLS"), tls);
        grid.addRow(2, new Label("Certificate"), cert);
        grid.addRow(3, new Label("Key"), key);
        grid.addRow(4, new Label("Lockout after"), new HBox(6, lockout, hint("wrong passwords (0 = off)")));
        grid.addRow(5, new Label("Rate limit"), new HBox(6, attempts, hint("failures per client address")));
        grid.addRow(6, new Label("Window"), new HBox(6, window, hint("minutes")));
        grid.addRow(7, new Label("Database"), database);
        GridPane.setHgrow(address, Priority.ALWAYS);
        javafx.scene.layout.ColumnConstraints labels = new javafx.scene.layout.ColumnConstraints();
        labels.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        grid.getColumnConstraints().addAll(labels, new javafx.scene.layout.ColumnConstraints());
        Label note = new Label("The server uses the console's open files: your edits apply to it at once. "
                + "The development database starts a local PostgreSQL with sample data (a few seconds the first time).");
        note.getStyleClass().add("hint");
        note.setWrapText(true);
        note.setMaxWidth(500);
        note.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        VBox box = new VBox(8, grid, note);
        box.setPrefWidth(520);
        box.setMinWidth(480);
        box.setMaxWidth(560);
        box.disableProperty().bind(vm.stateProperty().isEqualTo(ServerState.RUNNING)
                .or(vm.stateProperty().isEqualTo(ServerState.STARTING)));
        return box;
    }

    private static Label hint(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("hint");
        l.setMinWidth(Label.USE_PREF_SIZE);
        l.setMaxHeight(Double.MAX_VALUE);
        return l;
    }

    private static Spinner<Integer> spinner(String id, int min, int max, javafx.beans.property.IntegerProperty value) {
        Spinner<Integer> s = new Spinner<>(min, max, value.get());
        s.setId(id);
        s.setEditable(true);
        s.setPrefWidth(100);
        s.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        s.valueProperty().addListener((o, a, v) -> {
            if (v != null) {
                value.set(v);
            }
        });
        value.addListener((o, a, v) -> s.getValueFactory().setValue(v.intValue()));
        return s;
    }

    private VBox snippets() {
        Label heading = new Label("Connect a client");
        heading.getStyleClass().add("section-title");
        TabPane tabs = new TabPane();
        tabs.setId("snippetTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        Label hint = new Label();
        hint.getStyleClass().add("hint");
        hint.textProperty().bind(Bindings.createStringBinding(() -> vm.tokenProperty().get().isBlank()
                ? "Replace " + ClientSnippets.TOKEN + " with a token, or paste one in the Token field above."
                : "The token from the Token field is filled in (VS Code asks for it instead). Treat these like a password.",
                vm.tokenProperty()));
        vm.snippetsProperty().addListener((o, a, map) -> fill(tabs, map));
        fill(tabs, vm.snippetsProperty().get());
        VBox.setVgrow(tabs, Priority.ALWAYS);
        VBox box = new VBox(6, heading, tabs, hint);
        box.setMinHeight(220);
        return box;
    }

    private void fill(TabPane tabs, Map<String, String> map) {
        String selected = tabs.getSelectionModel().getSelectedItem() == null ? null : tabs.getSelectionModel().getSelectedItem().getText();
        tabs.getTabs().clear();
        if (map.isEmpty()) {
            Tab waiting = new Tab("Clients", new Label("Start the server to get ready-to-paste settings for curl, Claude Code, "
                    + "VS Code, Cursor and Claude Desktop."));
            ((Label) waiting.getContent()).setWrapText(true);
            ((Label) waiting.getContent()).setPadding(new Insets(10));
            tabs.getTabs().add(waiting);
            return;
        }
        for (Map.Entry<String, String> e : map.entrySet()) {
            TextArea text = new TextArea(e.getValue());
            text.setEditable(false);
            text.getStyleClass().add("log-area");
            text.setId("snippet-" + e.getKey().replace(' ', '-'));
            Button copy = Controls.button("copy-" + e.getKey().replace(' ', '-'), "Copy", Feather.COPY, null);
            copy.setOnAction(ev -> copy(e.getValue()));
            VBox.setVgrow(text, Priority.ALWAYS);
            VBox content = new VBox(6, text, copy);
            content.setPadding(new Insets(6, 0, 0, 0));
            Tab tab = new Tab(e.getKey(), content);
            tab.setGraphic(new FontIcon(Feather.TERMINAL));
            tabs.getTabs().add(tab);
            if (e.getKey().equals(selected)) {
                tabs.getSelectionModel().select(tab);
            }
        }
    }

    private static void copy(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }

    @Override
    public String key() {
        return "server";
    }

    @Override
    public String title() {
        return "Server";
    }

    @Override
    public Ikon icon() {
        return Feather.SERVER;
    }

    @Override
    public Node content() {
        return root;
    }

    @Override
    public List<MenuItem> actions() {
        return actions;
    }
}
