package com.pgedge.mcp.admin.tokens;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import atlantafx.base.controls.CustomTextField;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.transformation.SortedList;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import com.pgedge.mcp.admin.common.BadgeCell;
import com.pgedge.mcp.admin.common.Controls;
import com.pgedge.mcp.admin.common.Dialogs;
import com.pgedge.mcp.admin.common.RelativeTime;
import com.pgedge.mcp.admin.common.SelectionKeeper;
import com.pgedge.mcp.admin.shell.Screen;

/** The Tokens screen. */
public final class TokensView implements Screen {

    private final TokensViewModel vm;
    private final Clock clock;
    private final VBox root = new VBox();
    private final TableView<TokenRow> table = new TableView<>();
    private final CustomTextField search = Controls.search("tokenSearch", "Search tokens");
    private final List<MenuItem> actions;
    /** Where "Use on the Server screen" hands a new token (memory only); null hides the button. */
    private java.util.function.Consumer<String> useOnServer;

    /** Offers a button in the show-once dialog that hands the new token to {@code target}. */
    public void setUseOnServer(java.util.function.Consumer<String> target) {
        this.useOnServer = target;
    }

    public TokensView(TokensViewModel vm, Clock clock) {
        this.vm = vm;
        this.clock = clock;
        root.getStyleClass().add("screen");
        root.setId("tokensScreen");

        Label title = new Label("Tokens");
        title.getStyleClass().add("screen-title");
        Label summary = new Label();
        summary.setId("tokensSummary");
        summary.getStyleClass().add("screen-summary");
        summary.textProperty().bind(vm.summaryProperty());
        Controls.bindSearch(search, vm.searchProperty());

        Button create = Controls.button("createToken", "New token", Feather.PLUS, "Create an API token (Ctrl+N)");
        create.getStyleClass().add(atlantafx.base.theme.Styles.ACCENT);
        Button remove = Controls.button("removeToken", "Remove", Feather.TRASH_2, "Remove the selected tokens (Ctrl+Delete)");
        remove.getStyleClass().add(atlantafx.base.theme.Styles.DANGER);
        remove.disableProperty().bind(Bindings.isEmpty(table.getSelectionModel().getSelectedItems()));
        Button removeExpired = Controls.button("removeExpired", "Remove expired", Feather.CLOCK, "Remove every expired token");
        create.setOnAction(e -> create());
        remove.setOnAction(e -> removeSelected());
        removeExpired.setOnAction(e -> removeExpired());

        HBox spacer = new HBox();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox toolbar = new HBox(create, remove, removeExpired, spacer, search);
        toolbar.getStyleClass().add("toolbar-row");

        buildTable();
        VBox.setVgrow(table, Priority.ALWAYS);
        root.getChildren().addAll(new VBox(2, title, summary), toolbar, table);

        vm.createdTokenProperty().addListener((obs, old, created) -> {
            if (created != null) {
                TokenDialogs.showOnce(window(), created, clock.getZone(), vm::forgetCreatedToken, useOnServer);
            }
        });

        // "in 3 days" and the expired flag move with time even when no file changes.
        Timeline minute = new Timeline(new KeyFrame(javafx.util.Duration.minutes(1), e -> vm.rebuild()));
        minute.setCycleCount(Timeline.INDEFINITE);
        minute.play();

        actions = List.of(
                Controls.menuItem("menuCreateToken", "New token...", Feather.PLUS, "Shortcut+N", this::create),
                Controls.menuItem("menuRemoveToken", "Remove...", Feather.TRASH_2, "Shortcut+DELETE", this::removeSelected),
                Controls.menuItem("menuRemoveExpired", "Remove expired...", Feather.CLOCK, null, this::removeExpired));
    }

    private void buildTable() {
        table.setId("tokensTable");
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getStyleClass().add(atlantafx.base.theme.Styles.STRIPED);
        Label empty = new Label("No tokens. Create one with New token (Ctrl+N).");
        empty.getStyleClass().add("empty-placeholder");
        table.setPlaceholder(empty);

        TableColumn<TokenRow, String> id = new TableColumn<>("ID");
        id.setId("colTokenId");
        id.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().id()));
        id.setPrefWidth(170);

        TableColumn<TokenRow, String> hash = new TableColumn<>("Hash prefix");
        hash.setId("colHash");
        hash.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().token().hashPrefix()));
        hash.setPrefWidth(120);

        TableColumn<TokenRow, String> db = new TableColumn<>("Database");
        db.setId("colDatabase");
        db.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().databaseText()));
        db.setPrefWidth(110);

        TableColumn<TokenRow, TokenRow> expires = new TableColumn<>("Expires");
        expires.setId("colExpires");
        expires.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        expires.setCellFactory(c -> new ExpiresCell(clock));
        expires.setComparator(Comparator.comparing(TokenRow::expiresSortKey));
        expires.setPrefWidth(180);

        TableColumn<TokenRow, String> status = new TableColumn<>("Status");
        status.setId("colTokenStatus");
        status.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().statusText()));
        status.setCellFactory(c -> new BadgeCell<>());
        status.setPrefWidth(90);

        TableColumn<TokenRow, String> note = new TableColumn<>("Note");
        note.setId("colTokenNote");
        note.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().token().annotation()));
        note.setPrefWidth(240);

        TableColumn<TokenRow, Instant> created = new TableColumn<>("Created");
        created.setId("colTokenCreated");
        created.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().token().createdAt()));
        created.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Instant item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : RelativeTime.dateTime(item, clock.getZone()));
            }
        });
        created.setComparator(Comparator.nullsFirst(Comparator.naturalOrder()));
        created.setPrefWidth(140);

        table.getColumns().setAll(List.of(id, hash, db, expires, status, created, note));
        SortedList<TokenRow> sorted = new SortedList<>(vm.visibleRows());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        new SelectionKeeper<>(table, vm.updatingProperty(), TokenRow::id);
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DELETE && !e.isShortcutDown()) {
                removeSelected();
            }
        });
    }

    /** "in 3 days" / "expired 2 days ago" / "never", red when expired, amber within a week. */
    static final class ExpiresCell extends TableCell<TokenRow, TokenRow> {
        private final Clock clock;

        ExpiresCell(Clock clock) {
            this.clock = clock;
        }

        @Override
        protected void updateItem(TokenRow row, boolean empty) {
            super.updateItem(row, empty);
            getStyleClass().removeAll("expired-text", "expiring-soon-text");
            if (empty || row == null) {
                setText(null);
                return;
            }
            Instant at = row.token().expiresAt();
            if (at == null) {
                setText("never");
                return;
            }
            Instant now = clock.instant();
            if (row.expired()) {
                setText("expired " + RelativeTime.describe(at, now));
                getStyleClass().add("expired-text");
            } else {
                setText(RelativeTime.describe(at, now));
                if (Duration.between(now, at).compareTo(Duration.ofDays(7)) < 0) {
                    getStyleClass().add("expiring-soon-text");
                }
            }
        }
    }

    private javafx.stage.Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    private void create() {
        TokenDialogs.create(window(), vm.databases()).ifPresent(t -> vm.create(t.note(), t.expiry(), t.database()));
    }

    private void removeSelected() {
        List<String> ids = table.getSelectionModel().getSelectedItems().stream().filter(r -> r != null).map(TokenRow::id).toList();
        if (ids.isEmpty()) {
            return;
        }
        String what = ids.size() == 1 ? "token " + ids.get(0) : ids.size() + " tokens";
        if (Dialogs.confirm(window(), "removeToken", "Remove tokens", "Remove " + what + "?",
                "Clients using " + (ids.size() == 1 ? "it" : "them") + " are refused from their next request, "
                        + "and their database connections close.", "Remove")) {
            vm.remove(ids);
        }
    }

    private void removeExpired() {
        int n = vm.expiredCount();
        if (n == 0) {
            vm.removeExpired(); // says "no expired tokens" in the status bar
            return;
        }
        if (Dialogs.confirm(window(), "removeExpired", "Remove expired tokens",
                "Remove " + n + " expired token" + (n == 1 ? "" : "s") + "?",
                "Expired tokens no longer work; removing them keeps the file tidy.", "Remove")) {
            vm.removeExpired();
        }
    }

    @Override
    public String key() {
        return "tokens";
    }

    @Override
    public String title() {
        return "Tokens";
    }

    @Override
    public Ikon icon() {
        return Feather.KEY;
    }

    @Override
    public Node content() {
        return root;
    }

    @Override
    public List<MenuItem> actions() {
        return actions;
    }

    @Override
    public void focusSearch() {
        search.requestFocus();
        search.selectAll();
    }

    public TableView<TokenRow> table() {
        return table;
    }
}
