package com.pgedge.mcp.admin.lockouts;

import java.util.List;
import java.util.Objects;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

import com.pgedge.mcp.admin.store.ConsoleStore;
import com.pgedge.mcp.admin.store.Feedback;
import com.pgedge.mcp.admin.users.UserRow;
import com.pgedge.mcp.admin.users.UsersViewModel;
import com.pgedge.mcp.auth.AccountStatus;
import com.pgedge.mcp.auth.BlockedAddress;

/**
 * The lockout board: locked accounts (a filtered view of the Users rows, so both screens always
 * agree) and the addresses the rate limiter currently blocks.
 */
public final class LockoutsViewModel {

    private final ConsoleStore store;
    private final Feedback feedback;
    private final UsersViewModel users;
    private final FilteredList<UserRow> locked;
    private final ObservableList<BlockedAddress> blocked = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");

    public LockoutsViewModel(ConsoleStore store, Feedback feedback, UsersViewModel users) {
        this.store = Objects.requireNonNull(store, "store");
        this.feedback = Objects.requireNonNull(feedback, "feedback");
        this.users = Objects.requireNonNull(users, "users");
        this.locked = new FilteredList<>(users.allRows(), r -> r.status() == AccountStatus.LOCKED);
        locked.addListener((javafx.collections.ListChangeListener<UserRow>) c -> updateSummary());
        store.addRefreshListener(this::refreshBlocked);
        updateSummary();
    }

    /** Reads the blocked addresses again (cheap: an in-memory list in the core). */
    public void refreshBlocked() {
        if (store.serviceProperty().get() == null) {
            blocked.clear();
            return;
        }
        store.runner().run("Reading blocked addresses", () -> store.service().blockedAddresses(), list -> {
            if (!list.equals(blocked)) {
                blocked.setAll(list);
            }
            updateSummary();
        }, feedback::error);
    }

    public void unlock(List<String> usernames) {
        users.unlock(usernames);
    }

    public void clearAddresses(List<String> keys) {
        List<String> list = List.copyOf(keys);
        if (list.isEmpty()) {
            return;
        }
        store.runner().run("Clearing " + list.size() + " address(es)", () -> {
            for (String k : list) {
                store.service().clearAddress(k);
            }
            return list.size();
        }, n -> {
            feedback.info("Cleared " + (n == 1 ? list.get(0) : n + " addresses") + ".");
            refreshBlocked();
        }, feedback::error);
    }

    private void updateSummary() {
        summary.set(locked.size() + (locked.size() == 1 ? " locked account" : " locked accounts") + ", "
                + blocked.size() + (blocked.size() == 1 ? " blocked address" : " blocked addresses"));
    }

    public FilteredList<UserRow> lockedRows() {
        return locked;
    }

    public ObservableList<BlockedAddress> blockedAddresses() {
        return blocked;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }
}
