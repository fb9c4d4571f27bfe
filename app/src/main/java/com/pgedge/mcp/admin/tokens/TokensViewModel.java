package com.pgedge.mcp.admin.tokens;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import com.pgedge.mcp.admin.store.ConsoleStore;
import com.pgedge.mcp.admin.store.Feedback;
import com.pgedge.mcp.auth.CreatedToken;
import com.pgedge.mcp.auth.ExpiryDuration;
import com.pgedge.mcp.auth.TokenRecord;

/**
 * State and actions of the Tokens screen. A created token's plaintext lives only in
 * {@link #createdTokenProperty()} until the view has shown it once and called
 * {@link #forgetCreatedToken()}.
 */
public final class TokensViewModel {

    private final ConsoleStore store;
    private final Feedback feedback;
    private final ObservableList<TokenRow> rows = FXCollections.observableArrayList();
    /** The rows that match the search, replaced in one change (fast for a TableView of 100 000 rows). */
    private final ObservableList<TokenRow> visible = FXCollections.observableArrayList();
    private String query = "";
    private final StringProperty search = new SimpleStringProperty("");
    private final javafx.beans.property.ReadOnlyBooleanWrapper updating = new javafx.beans.property.ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("No tokens");
    private final ObjectProperty<CreatedToken> createdToken = new SimpleObjectProperty<>();
    private int expiredCount;

    public TokensViewModel(ConsoleStore store, Feedback feedback) {
        this.store = Objects.requireNonNull(store, "store");
        this.feedback = Objects.requireNonNull(feedback, "feedback");
        search.addListener((obs, old, q) -> {
            String previous = query;
            query = q == null ? "" : q.strip().toLowerCase(Locale.ROOT);
            // Typing one more letter can only narrow the match: search the rows shown, not all.
            applyFilter(!previous.isEmpty() && query.startsWith(previous));
        });
        store.tokensProperty().addListener((obs, old, tokens) -> rebuild());
        rebuild();
    }

    /** Rebuilds the rows against the current time; the view also calls this once a minute. */
    public void rebuild() {
        List<TokenRecord> tokens = store.tokensProperty().get();
        if (tokens.size() < BUILD_IN_BACKGROUND) {
            show(build(tokens, store.clock().instant()));
            return;
        }
        // 100 000 rows take a noticeable moment to build: do it beside the UI, then swap them in.
        long ticket = ++buildTicket;
        store.runner().run("Preparing " + tokens.size() + " tokens", () -> build(tokens, store.clock().instant()), built -> {
            if (ticket == buildTicket) {
                show(built);
            }
        }, feedback::error);
    }

    /** Above this many tokens the rows are built off the UI thread. */
    static final int BUILD_IN_BACKGROUND = 5_000;
    private long buildTicket;

    private record Built(List<TokenRow> rows, int expired) {
    }

    private static Built build(List<TokenRecord> tokens, Instant now) {
        List<TokenRow> next = new ArrayList<>(tokens.size());
        int expired = 0;
        for (TokenRecord t : tokens) {
            boolean e = t.isExpired(now);
            expired += e ? 1 : 0;
            next.add(TokenRow.of(t, e));
        }
        return new Built(next, expired);
    }

    private void show(Built built) {
        List<TokenRow> next = built.rows();
        int expired = built.expired();
        expiredCount = expired;
        updating.set(true);
        try {
            rows.setAll(next);
            applyFilter();
        } finally {
            updating.set(false);
        }
        summary.set(next.isEmpty() ? "No tokens yet: create one with New token."
                : next.size() + (next.size() == 1 ? " token, " : " tokens, ") + expired + " expired");
    }

    private void applyFilter() {
        applyFilter(false);
    }

    private void applyFilter(boolean narrow) {
        if (query.isEmpty()) {
            visible.setAll(rows);
            return;
        }
        List<TokenRow> match = new ArrayList<>();
        for (TokenRow r : narrow ? List.copyOf(visible) : rows) {
            if (r.matches(query)) {
                match.add(r);
            }
        }
        visible.setAll(match);
    }

    /**
     * Validates an expiry as typed, with the core's parser (the CLI accepts exactly the same).
     *
     * @return an error message, or {@code null} when valid
     */
    public static String checkExpiry(String text) {
        try {
            ExpiryDuration.parse(text);
            return null;
        } catch (RuntimeException e) {
            return e.getMessage();
        }
    }

    /** Creates a token; on success {@link #createdTokenProperty()} holds it for the show-once dialog. */
    public void create(String note, String expiry, String database) {
        ExpiryDuration parsed;
        try {
            parsed = ExpiryDuration.parse(expiry);
        } catch (RuntimeException e) {
            feedback.error(e);
            return;
        }
        String db = database == null || database.isBlank() ? null : database.strip();
        String annotation = note == null ? "" : note.strip();
        store.runner().run("Creating a token", () -> store.service().addToken(annotation, parsed.duration(), db),
                created -> {
                    store.refresh();
                    createdToken.set(created);
                    feedback.info("Token " + created.record().id() + " created.");
                }, feedback::error);
    }

    /** Drops the plaintext once the dialog is closed. */
    public void forgetCreatedToken() {
        createdToken.set(null);
    }

    public void remove(List<String> ids) {
        List<String> list = List.copyOf(ids);
        if (list.isEmpty()) {
            return;
        }
        store.runner().run("Removing " + list.size() + (list.size() == 1 ? " token" : " tokens"), () -> {
            int n = 0;
            for (String id : list) {
                try {
                    store.service().removeToken(id);
                } catch (RuntimeException e) {
                    throw new IllegalStateException(n == 0 ? e.getMessage()
                            : "Removed " + n + " of " + list.size() + " tokens, then: " + e.getMessage(), e);
                }
                n++;
            }
            return n;
        }, n -> {
            store.refresh();
            feedback.info(n == 1 ? "Token " + list.get(0) + " removed." : "Removed " + n + " tokens.");
        }, failure -> {
            store.refresh();
            feedback.error(failure instanceof IllegalStateException ? failure.getMessage()
                    : com.pgedge.mcp.admin.store.ErrorText.describe(failure));
        });
    }

    public void removeExpired() {
        store.runner().run("Removing expired tokens", () -> store.service().removeExpiredTokens(), n -> {
            store.refresh();
            feedback.info(n == 0 ? "No expired tokens to remove." : "Removed " + n + " expired token" + (n == 1 ? "." : "s."));
        }, feedback::error);
    }

    public int expiredCount() {
        return expiredCount;
    }

    public ObservableList<TokenRow> visibleRows() {
        return visible;
    }

    public ObservableList<TokenRow> allRows() {
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

    public ObjectProperty<CreatedToken> createdTokenProperty() {
        return createdToken;
    }

    /** The databases a token can be bound to (from the configuration), for the create dialog. */
    public List<String> databases() {
        return store.databases();
    }
}
