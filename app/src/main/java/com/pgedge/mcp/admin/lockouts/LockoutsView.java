package com.pgedge.mcp.admin.lockouts;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import com.pgedge.mcp.admin.common.Controls;
import com.pgedge.mcp.admin.common.RelativeTime;
import com.pgedge.mcp.admin.shell.Screen;
import com.pgedge.mcp.admin.users.UserRow;
import com.pgedge.mcp.auth.BlockedAddress;

/** The lockout board: locked accounts with Unlock, and addresses the rate limiter blocks. */
public final class LockoutsView implements Screen {

    private final LockoutsViewModel vm;
    private final Clock clock;
    private final VBox root = new VBox();
    private final TableView<UserRow> locked = new TableView<>();
    private final TableView<BlockedAddress> blocked = new TableView<>();
    private final List<MenuItem> actions;

    public LockoutsView(LockoutsViewModel vm, Clock clock) {
        this.vm = vm;
        this.clock = clock;
        root.getStyleClass().add("screen");
        root.setId("lockoutsScreen");

        Label title = new Label("Lockouts");
        title.getStyleClass().add("screen-title");
        Label summary = new Label();
        summary.setId("lockoutsSummary");
        summary.getStyleClass().add("screen-summary");
        summary.textProperty().bind(vm.summaryProperty());

        Label accounts = new Label("Locked accounts");
        accounts.getStyleClass().add("section-title");
        Label accountsHint = new Label("Accounts disabled by too many wrong passwords. Unlock enables the account and resets its failed-attempt counter.");
        accountsHint.getStyleClass().add("hint");
        Button unlock = Controls.button("unlockSelected", "Unlock selected", Feather.UNLOCK, "Unlock the selected accounts (Ctrl+U)");
        unlock.getStyleClass().add(atlantafx.base.theme.Styles.ACCENT);
        unlock.disableProperty().bind(Bindings.isEmpty(locked.getSelectionModel().getSelectedItems()));
        unlock.setOnAction(e -> unlockSelected());
        Button unlockAll = Controls.button("unlockAll", "Unlock all", Feather.UNLOCK, "Unlock every locked account");
        unlockAll.disableProperty().bind(Bindings.isEmpty(vm.lockedRows()));
        unlockAll.setOnAction(e -> vm.unlock(vm.lockedRows().stream().map(UserRow::username).toList()));

        buildLockedTable();

        Label addresses = new Label("Blocked addresses");
        addresses.getStyleClass().add("section-title");
        Label addressesHint = new Label("Clients over the failed-attempt limit of the server started from this console. "
                + "Clear frees them before the window ends.");
        addressesHint.getStyleClass().add("hint");
        Button clear = Controls.button("clearAddress", "Clear", Feather.X_CIRCLE, "Forget the failures of the selected addresses");
        clear.disableProperty().bind(Bindings.isEmpty(blocked.getSelectionModel().getSelectedItems()));
        clear.setOnAction(e -> vm.clearAddresses(blocked.getSelectionModel().getSelectedItems().stream().map(BlockedAddress::key).toList()));
        Button refresh = Controls.button("refreshBlocked", "Refresh", Feather.REFRESH_CW, "Read the blocked addresses again");
        refresh.setOnAction(e -> vm.refreshBlocked());
        buildBlockedTable();

        VBox.setVgrow(locked, Priority.ALWAYS);
        VBox.setVgrow(blocked, Priority.ALWAYS);
        locked.setPrefHeight(260);
        blocked.setPrefHeight(180);
        HBox accountsBar = new HBox(unlock, unlockAll);
        accountsBar.getStyleClass().add("toolbar-row");
        HBox addressesBar = new HBox(clear, refresh);
        addressesBar.getStyleClass().add("toolbar-row");
        root.getChildren().addAll(new VBox(2, title, summary),
                new VBox(4, accounts, accountsHint), accountsBar, locked,
                new VBox(4, addresses, addressesHint), addressesBar, blocked);

        actions = List.of(Controls.menuItem("menuUnlockSelected", "Unlock selected", Feather.UNLOCK, "Shortcut+U", this::unlockSelected));
    }

    private void buildLockedTable() {
        locked.setId("lockedTable");
        locked.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        locked.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Label empty = new Label("No locked accounts.");
        empty.getStyleClass().add("empty-placeholder");
        locked.setPlaceholder(empty);

        TableColumn<UserRow, String> name = new TableColumn<>("Username");
        name.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().username()));
        name.setPrefWidth(180);
        TableColumn<UserRow, Integer> failed = new TableColumn<>("Failed attempts");
        failed.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().user().failedAttempts()));
        failed.setPrefWidth(130);
        TableColumn<UserRow, String> lastLogin = new TableColumn<>("Last login");
        lastLogin.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().user().lastLogin() == null ? "never"
                : RelativeTime.describe(c.getValue().user().lastLogin(), clock.instant())));
        lastLogin.setPrefWidth(150);
        TableColumn<UserRow, String> note = new TableColumn<>("Note");
        note.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().user().annotation()));
        note.setPrefWidth(260);
        TableColumn<UserRow, UserRow> action = new TableColumn<>("");
        action.setSortable(false);
        action.setPrefWidth(110);
        action.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        action.setCellFactory(c -> new TableCell<>() {
            private final Button button = new Button("Unlock", new FontIcon(Feather.UNLOCK));

            {
                button.getStyleClass().addAll(atlantafx.base.theme.Styles.SMALL, atlantafx.base.theme.Styles.ACCENT);
                button.setOnAction(e -> {
                    UserRow row = getItem();
                    if (row != null) {
                        vm.unlock(List.of(row.username()));
                    }
                });
            }

            @Override
            protected void updateItem(UserRow row, boolean empty) {
                super.updateItem(row, empty);
                if (empty || row == null) {
                    setGraphic(null);
                } else {
                    button.setId("unlock-" + row.username());
                    setGraphic(button);
                }
            }
        });
        locked.getColumns().setAll(List.of(name, failed, lastLogin, action, note));
        locked.setItems(vm.lockedRows());
    }

    private void buildBlockedTable() {
        blocked.setId("blockedTable");
        blocked.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        blocked.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Label empty = new Label("No blocked addresses. Addresses appear here while a server started from the Server screen refuses them.");
        empty.getStyleClass().add("empty-placeholder");
        blocked.setPlaceholder(empty);
        TableColumn<BlockedAddress, String> key = new TableColumn<>("Address");
        key.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().key()));
        key.setPrefWidth(240);
        TableColumn<BlockedAddress, Integer> failures = new TableColumn<>("Failures in window");
        failures.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().failures()));
        failures.setPrefWidth(150);
        TableColumn<BlockedAddress, Instant> free = new TableColumn<>("Free again");
        free.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().freeAt()));
        free.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Instant item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : RelativeTime.describe(item, clock.instant()));
            }
        });
        free.setPrefWidth(200);
        blocked.getColumns().setAll(List.of(key, failures, free));
        blocked.setItems(vm.blockedAddresses());
    }

    private void unlockSelected() {
        vm.unlock(locked.getSelectionModel().getSelectedItems().stream().filter(r -> r != null).map(UserRow::username).toList());
    }

    @Override
    public String key() {
        return "lockouts";
    }

    @Override
    public String title() {
        return "Lockouts";
    }

    @Override
    public Ikon icon() {
        return Feather.LOCK;
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
    public void onShown() {
        vm.refreshBlocked();
    }
}
