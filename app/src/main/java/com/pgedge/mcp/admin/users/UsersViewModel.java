package com.pgedge.mcp.admin.users;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import com.pgedge.mcp.admin.store.ConsoleStore;
import com.pgedge.mcp.admin.store.Feedback;
import com.pgedge.mcp.admin.store.StoreSettings;
import com.pgedge.mcp.auth.AccountStatus;
import com.pgedge.mcp.auth.AuthService;
import com.pgedge.mcp.auth.UserRecord;

/**
 * State and actions of the Users screen. No controls here: the view binds to the lists and
 * properties and calls the actions; every action runs in the background through the store's
 * task runner and ends in a {@link Feedback} message.
 */
public final class UsersViewModel {

    private final ConsoleStore store;
    private final Feedback feedback;
    private final ObservableList<UserRow> rows = FXCollections.observableArrayList();
    /** The rows that match the search: replaced in one change, which a TableView handles far faster than a FilteredList's scattered removals. */
    private final ObservableList<UserRow> visible = FXCollections.observableArrayList();
    private final StringProperty search = new SimpleStringProperty("");
    private final javafx.beans.property.ReadOnlyBooleanWrapper updating = new javafx.beans.property.ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("No users");

    public UsersViewModel(ConsoleStore store, Feedback feedback) {
        this.store = Objects.requireNonNull(store, "store");
        this.feedback = Objects.requireNonNull(feedback, "feedback");
        search.addListener((obs, old, q) -> applyFilter());
        store.usersProperty().addListener((obs, old, users) -> rebuild());
        store.settingsProperty().addListener((obs, old, s) -> rebuild());
        rebuild();
    }

    private void rebuild() {
        StoreSettings settings = store.settings();
        List<UserRecord> users = store.usersProperty().get();
        List<UserRow> next = new ArrayList<>(users.size());
        int locked = 0;
        int disabled = 0;
        for (UserRecord u : users) {
            AccountStatus status = settings == null ? (u.enabled() ? AccountStatus.ENABLED : AccountStatus.DISABLED)
                    : settings.statusOf(u);
            locked += status == AccountStatus.LOCKED ? 1 : 0;
            disabled += status == AccountStatus.DISABLED ? 1 : 0;
            next.add(new UserRow(u, status));
        }
        updating.set(true);
        try {
            rows.setAll(next);
            applyFilter();
        } finally {
            updating.set(false);
        }
        summary.set(users.isEmpty() ? "No users yet: add one with Add user."
                : users.size() + (users.size() == 1 ? " user" : " users") + ", " + locked + " locked, "
                + disabled + " disabled");
    }

    private void applyFilter() {
        String q = search.get();
        if (q == null || q.isBlank()) {
            visible.setAll(rows);
            return;
        }
        List<UserRow> match = new ArrayList<>();
        for (UserRow r : rows) {
            if (r.matches(q)) {
                match.add(r);
            }
        }
        visible.setAll(match);
    }

    // ---- actions --------------------------------------------------------------------------

    public void addUser(String username, String password, String note) {
        String name = username == null ? "" : username.strip();
        run("Adding user " + name, s -> s.addUser(name, password, note == null ? "" : note.strip()),
                "User " + name + " added.");
    }

    public void changePassword(String username, String newPassword) {
        run("Changing the password of " + username, s -> s.updateUser(username, newPassword, null),
                "Password of " + username + " changed. Their open sessions stay valid.");
    }

    public void editNote(String username, String note) {
        run("Saving the note of " + username, s -> s.updateUser(username, null, note == null ? "" : note.strip()),
                "Note of " + username + " saved.");
    }

    /** Enables the accounts and resets their failed-attempt counters. */
    public void unlock(List<String> usernames) {
        bulk("Unlocking", usernames, AuthService::enableUser, "Unlocked");
    }

    public void enable(List<String> usernames) {
        bulk("Enabling", usernames, AuthService::enableUser, "Enabled");
    }

    public void disable(List<String> usernames) {
        bulk("Disabling", usernames, AuthService::disableUser, "Disabled");
    }

    public void delete(List<String> usernames) {
        bulk("Deleting", usernames, (s, u) -> {
            s.deleteUser(u);
            return null;
        }, "Deleted");
    }

    private interface UserAction {
        Object apply(AuthService service, String username);
    }

    /** One task for the whole selection; stops at the first failure and says what was done. */
    private void bulk(String verb, List<String> usernames, UserAction action, String pastTense) {
        List<String> names = List.copyOf(usernames);
        if (names.isEmpty()) {
            return;
        }
        store.runner().run(verb + " " + describe(names), () -> {
            AuthService s = store.service();
            List<String> done = new ArrayList<>();
            for (String u : names) {
                try {
                    action.apply(s, u);
                } catch (RuntimeException e) {
                    throw new PartialFailure(done, u, e);
                }
                done.add(u);
            }
            return done;
        }, done -> {
            store.refresh();
            feedback.info(pastTense + " " + describe(done) + ".");
        }, failure -> {
            store.refresh();
            if (failure instanceof PartialFailure p) {
                String prefix = p.done.isEmpty() ? "" : pastTense + " " + describe(p.done) + ", then stopped: ";
                feedback.error(prefix + p.username + ": " + com.pgedge.mcp.admin.store.ErrorText.describe(p.getCause()));
            } else {
                feedback.error(failure);
            }
        });
    }

    private static final class PartialFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient List<String> done;
        final String username;

        PartialFailure(List<String> done, String username, RuntimeException cause) {
            super(cause.getMessage(), cause);
            this.done = List.copyOf(done);
            this.username = username;
        }
    }

    static String describe(List<String> names) {
        if (names.size() == 1) {
            return names.get(0);
        }
        if (names.size() <= 3) {
            return String.join(", ", names);
        }
        return names.size() + " users";
    }

    private void run(String title, Function<AuthService, Object> work, String success) {
        store.runner().run(title, () -> work.apply(store.service()), r -> {
            store.refresh();
            feedback.info(success);
        }, failure -> feedback.error(failure));
    }

    // ---- state ----------------------------------------------------------------------------

    /** The rows after the search filter; the view sorts them. */
    public ObservableList<UserRow> visibleRows() {
        return visible;
    }

    public ObservableList<UserRow> allRows() {
        return rows;
    }

    /** True while the rows are being replaced by a refresh (the view keeps its selection). */
    public javafx.beans.property.ReadOnlyBooleanProperty updatingProperty() {
        return updating.getReadOnlyProperty();
    }

    public StringProperty searchProperty() {
        return search;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** The current row of one user, if shown. */
    public UserRow row(String username) {
        for (UserRow r : rows) {
            if (r.username().equals(username)) {
                return r;
            }
        }
        return null;
    }
}
