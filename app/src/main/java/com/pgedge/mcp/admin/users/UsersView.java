package com.pgedge.mcp.admin.users;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import atlantafx.base.controls.CustomTextField;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.transformation.SortedList;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import com.pgedge.mcp.admin.common.BadgeCell;
import com.pgedge.mcp.admin.common.Controls;
import com.pgedge.mcp.admin.common.Dialogs;
import com.pgedge.mcp.admin.common.RelativeTime;
import com.pgedge.mcp.admin.common.SelectionKeeper;
import com.pgedge.mcp.admin.shell.Screen;
import com.pgedge.mcp.auth.AccountStatus;

/** The Users screen: a sortable, searchable table and the account actions. */
public final class UsersView implements Screen {

    private final UsersViewModel vm;
    private final Clock clock;
    private final VBox root = new VBox();
    private final TableView<UserRow> table = new TableView<>();
    private final CustomTextField search = Controls.search("userSearch", "Search users");
    private final List<MenuItem> actions;

    public UsersView(UsersViewModel vm, Clock clock) {
        this.vm = vm;
        this.clock = clock;
        root.getStyleClass().add("screen");
        root.setId("usersScreen");

        Label title = new Label("Users");
        title.getStyleClass().add("screen-title");
        Label summary = new Label();
        summary.setId("usersSummary");
        summary.getStyleClass().add("screen-summary");
        summary.textProperty().bind(vm.summaryProperty());

        Controls.bindSearch(search, vm.searchProperty());

        Button add = Controls.button("addUser", "Add user", Feather.USER_PLUS, "Add a user (Ctrl+N)");
        add.getStyleClass().add(atlantafx.base.theme.Styles.ACCENT);
        Button password = Controls.button("changePassword", "Password", Feather.KEY, "Change the password (Ctrl+P)");
        Button note = Controls.button("editNote", "Note", Feather.EDIT_2, "Edit the note (Ctrl+E)");
        Button enable = Controls.button("enableUser", "Enable", Feather.CHECK_CIRCLE, "Enable the selected users");
        Button disable = Controls.button("disableUser", "Disable", Feather.SLASH, "Disable the selected users (ends their sessions)");
        Button unlock = Controls.button("unlockUser", "Unlock", Feather.UNLOCK, "Unlock: enable and reset failed attempts (Ctrl+U)");
        Button delete = Controls.button("deleteUser", "Delete", Feather.TRASH_2, "Delete the selected users (Ctrl+Delete)");
        delete.getStyleClass().add(atlantafx.base.theme.Styles.DANGER);

        BooleanBinding none = Bindings.isEmpty(table.getSelectionModel().getSelectedItems());
        BooleanBinding notOne = Bindings.size(table.getSelectionModel().getSelectedItems()).isNotEqualTo(1);
        password.disableProperty().bind(notOne);
        note.disableProperty().bind(notOne);
        enable.disableProperty().bind(none);
        disable.disableProperty().bind(none);
        unlock.disableProperty().bind(none);
        delete.disableProperty().bind(none);

        add.setOnAction(e -> addUser());
        password.setOnAction(e -> changePassword());
        note.setOnAction(e -> editSelected());
        enable.setOnAction(e -> vm.enable(selectedNames()));
        disable.setOnAction(e -> vm.disable(selectedNames()));
        unlock.setOnAction(e -> vm.unlock(selectedNames()));
        delete.setOnAction(e -> deleteSelected());

        HBox spacer = new HBox();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox toolbar = new HBox(add, password, note, enable, disable, unlock, delete, spacer, search);
        toolbar.getStyleClass().add("toolbar-row");

        buildTable();
        VBox.setVgrow(table, Priority.ALWAYS);
        root.getChildren().addAll(new VBox(2, title, summary), toolbar, table);

        actions = List.of(
                Controls.menuItem("menuAddUser", "Add user...", Feather.USER_PLUS, "Shortcut+N", this::addUser),
                Controls.menuItem("menuChangePassword", "Change password...", Feather.KEY, "Shortcut+P", this::changePassword),
                Controls.menuItem("menuEditNote", "Edit user...", Feather.EDIT_2, "Shortcut+E", this::editSelected),
                new SeparatorMenuItem(),
                Controls.menuItem("menuUnlockUser", "Unlock", Feather.UNLOCK, "Shortcut+U", () -> vm.unlock(selectedNames())),
                Controls.menuItem("menuEnableUser", "Enable", Feather.CHECK_CIRCLE, null, () -> vm.enable(selectedNames())),
                Controls.menuItem("menuDisableUser", "Disable", Feather.SLASH, "Shortcut+D", () -> vm.disable(selectedNames())),
                new SeparatorMenuItem(),
                Controls.menuItem("menuDeleteUser", "Delete...", Feather.TRASH_2, "Shortcut+DELETE", this::deleteSelected));
    }

    private void buildTable() {
        table.setId("usersTable");
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getStyleClass().add(atlantafx.base.theme.Styles.STRIPED);
        Label empty = new Label("No users. Add one with Add user (Ctrl+N).");
        empty.getStyleClass().add("empty-placeholder");
        table.setPlaceholder(empty);

        TableColumn<UserRow, String> name = new TableColumn<>("Username");
        name.setId("colUsername");
        name.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().username()));
        name.setPrefWidth(170);

        TableColumn<UserRow, String> status = new TableColumn<>("Status");
        status.setId("colStatus");
        status.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().statusText()));
        status.setCellFactory(c -> new BadgeCell<>());
        status.setComparator(Comparator.comparingInt(UsersView::statusRank));
        status.setPrefWidth(100);

        TableColumn<UserRow, Integer> failed = new TableColumn<>("Failed attempts");
        failed.setId("colFailed");
        failed.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().user().failedAttempts()));
        failed.setPrefWidth(140);
        failed.setStyle("-fx-alignment: center-right;");

        TableColumn<UserRow, Instant> lastLogin = new TableColumn<>("Last login");
        lastLogin.setId("colLastLogin");
        lastLogin.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().user().lastLogin()));
        lastLogin.setCellFactory(c -> new TimeCell<>(clock, "never", true));
        lastLogin.setComparator(Comparator.nullsFirst(Comparator.naturalOrder()));
        lastLogin.setPrefWidth(150);

        TableColumn<UserRow, Instant> created = new TableColumn<>("Created");
        created.setId("colCreated");
        created.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().user().createdAt()));
        created.setCellFactory(c -> new TimeCell<>(clock, "", false));
        created.setComparator(Comparator.nullsFirst(Comparator.naturalOrder()));
        created.setPrefWidth(150);

        TableColumn<UserRow, String> annotation = new TableColumn<>("Note");
        annotation.setId("colNote");
        annotation.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().user().annotation()));
        annotation.setPrefWidth(260);

        table.getColumns().setAll(List.of(name, status, failed, lastLogin, created, annotation));
        SortedList<UserRow> sorted = new SortedList<>(vm.visibleRows());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.getSortOrder().add(name);
        new SelectionKeeper<>(table, vm.updatingProperty(), UserRow::username);

        table.setRowFactory(t -> {
            TableRow<UserRow> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !row.isEmpty()) {
                    table.getSelectionModel().clearAndSelect(row.getIndex());
                    editSelected();
                }
            });
            return row;
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DELETE && !e.isShortcutDown()) {
                deleteSelected();
            } else if (e.getCode() == KeyCode.ENTER) {
                editSelected();
            }
        });
    }

    private static int statusRank(String status) {
        return switch (status) {
            case "Locked" -> 0;
            case "Disabled" -> 1;
            default -> 2;
        };
    }

    /** Shows a time as "3 days ago" with the exact local time as tooltip-free second line. */
    static final class TimeCell<S> extends TableCell<S, Instant> {
        private final Clock clock;
        private final String emptyText;
        private final boolean relative;

        TimeCell(Clock clock, String emptyText, boolean relative) {
            this.clock = clock;
            this.emptyText = emptyText;
            this.relative = relative;
        }

        @Override
        protected void updateItem(Instant item, boolean empty) {
            super.updateItem(item, empty);
            if (empty) {
                setText(null);
            } else if (item == null) {
                setText(emptyText);
            } else if (relative) {
                setText(RelativeTime.describe(item, clock.instant()));
            } else {
                setText(RelativeTime.dateTime(item, clock.getZone()));
            }
        }
    }

    private List<String> selectedNames() {
        return table.getSelectionModel().getSelectedItems().stream().filter(r -> r != null).map(UserRow::username).toList();
    }

    private UserRow selectedOne() {
        List<UserRow> sel = List.copyOf(table.getSelectionModel().getSelectedItems());
        return sel.size() == 1 ? sel.get(0) : null;
    }

    private javafx.stage.Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    private void addUser() {
        UserDialogs.addUser(window()).ifPresent(u -> vm.addUser(u.username(), u.password(), u.note()));
    }

    private void changePassword() {
        UserRow row = selectedOne();
        if (row != null) {
            UserDialogs.changePassword(window(), row.username()).ifPresent(p -> vm.changePassword(row.username(), p));
        }
    }

    private void editSelected() {
        UserRow row = selectedOne();
        if (row != null) {
            UserDialogs.details(window(), row, clock.getZone()).ifPresent(n -> {
                if (!n.strip().equals(row.user().annotation())) {
                    vm.editNote(row.username(), n);
                }
            });
        }
    }

    private void deleteSelected() {
        List<String> names = selectedNames();
        if (names.isEmpty()) {
            return;
        }
        String who = UsersViewModel.describe(names);
        if (Dialogs.confirm(window(), "deleteUser", "Delete users", "Delete " + who + "?",
                "The account" + (names.size() == 1 ? " is" : "s are") + " removed from the user file and "
                        + "active sessions end at once. A backup of the previous file is kept.", "Delete")) {
            vm.delete(names);
        }
    }

    @Override
    public String key() {
        return "users";
    }

    @Override
    public String title() {
        return "Users";
    }

    @Override
    public Ikon icon() {
        return Feather.USERS;
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

    public TableView<UserRow> table() {
        return table;
    }

    /** Used by the Lockouts screen's jump. */
    public void select(String username) {
        vm.searchProperty().set("");
        for (int i = 0; i < table.getItems().size(); i++) {
            if (table.getItems().get(i).username().equals(username)) {
                table.getSelectionModel().clearAndSelect(i);
                table.scrollTo(i);
                return;
            }
        }
    }

    static boolean isLocked(UserRow r) {
        return r.status() == AccountStatus.LOCKED;
    }
}
