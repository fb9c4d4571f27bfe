package com.pgedge.mcp.admin.activity;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import com.pgedge.mcp.admin.task.TaskRunner;
import com.pgedge.mcp.admin.task.UiBatcher;
import com.pgedge.mcp.auth.AuditLogReader;
import com.pgedge.mcp.auth.AuthEvent;
import com.pgedge.mcp.auth.Subscription;

/**
 * The live activity log and the failed-attempt chart. Events come from the audit log file, which
 * every writer appends to (this console's core, a server started from the console, a server or
 * CLI in another process): one source, so nothing is shown twice and other processes' events
 * appear too. The history is read first, then new lines are followed. Memory is bounded: only the
 * newest {@link #MAX_EVENTS} are kept.
 */
public final class ActivityViewModel implements AutoCloseable {

    public static final int MAX_EVENTS = 20_000;
    static final Duration POLL = Duration.ofMillis(400);
    static final Duration BATCH = Duration.ofMillis(200);

    private final TaskRunner runner;
    private final Clock clock;
    /** Newest first. */
    private final Deque<AuthEvent> events = new ArrayDeque<>();
    private final ObservableList<AuthEvent> visible = FXCollections.observableArrayList();
    private final StringProperty search = new SimpleStringProperty("");
    private final ObjectProperty<EventKind> kind = new SimpleObjectProperty<>(EventKind.ALL);
    private final ObjectProperty<FailureChart.Bucket> bucket = new SimpleObjectProperty<>(FailureChart.Bucket.HOUR);
    private final ObjectProperty<FailureChart.GroupBy> groupBy = new SimpleObjectProperty<>(FailureChart.GroupBy.ADDRESS);
    private final ReadOnlyObjectWrapper<FailureChart> chart = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Path> source = new ReadOnlyObjectWrapper<>();

    /**
     * At most one UI update per {@link #BATCH}: each one re-filters up to 20 000 rows and
     * recomputes the chart, so it must not run per event.
     */
    private final UiBatcher<AuthEvent> incoming;
    private Subscription tail;

    public ActivityViewModel(TaskRunner runner, Clock clock) {
        this.runner = Objects.requireNonNull(runner, "runner");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.incoming = new UiBatcher<>(runner, BATCH, this::add);
        search.addListener((o, a, b) -> applyFilter());
        kind.addListener((o, a, b) -> applyFilter());
        bucket.addListener((o, a, b) -> recomputeChart());
        groupBy.addListener((o, a, b) -> recomputeChart());
        recomputeChart();
    }

    /** Starts following an audit file (history first); stops following the previous one. */
    public void follow(Path auditFile) {
        stop();
        events.clear();
        incoming.clear();
        source.set(auditFile);
        applyFilter();
        recomputeChart();
        tail = AuditLogReader.tail(auditFile, POLL, true, this::offer);
    }

    /** Called on the tail's thread: the batcher hands the events to the UI thread. */
    private void offer(AuthEvent event) {
        incoming.offer(event);
    }

    /**
     * Adds events (oldest first, as the file has them) on the UI thread. Only the new rows are
     * inserted at the top of the shown list (and evicted ones removed at the bottom): replacing
     * the whole list would make the table rebuild every row's cells on each batch.
     */
    public void add(List<AuthEvent> batch) {
        if (batch.isEmpty()) {
            return;
        }
        if (batch.size() >= MAX_EVENTS) {
            for (AuthEvent e : batch) {
                events.addFirst(e);
            }
            while (events.size() > MAX_EVENTS) {
                events.removeLast();
            }
            applyFilter();
            recomputeChart();
            return;
        }
        String q = query();
        EventKind k = kind.get();
        List<AuthEvent> shown = new ArrayList<>();
        for (AuthEvent e : batch) {
            events.addFirst(e);
            if (accepts(e, k, q)) {
                shown.add(e);
            }
        }
        java.util.Collections.reverse(shown); // newest first, like the table
        int evictedShown = 0;
        while (events.size() > MAX_EVENTS) {
            if (accepts(events.removeLast(), k, q)) {
                evictedShown++;
            }
        }
        if (evictedShown > 0) {
            visible.remove(visible.size() - evictedShown, visible.size());
        }
        if (!shown.isEmpty()) {
            visible.addAll(0, shown);
        }
        updateSummary();
        recomputeChart();
    }

    /** Recomputes the chart (the view calls this every minute so the window moves with time). */
    public void recomputeChart() {
        FailureChart c = FailureChart.compute(List.copyOf(events), bucket.get(), groupBy.get(), clock.instant(), clock.getZone());
        chart.set(c);
    }

    private String query() {
        return search.get() == null ? "" : search.get().strip().toLowerCase(Locale.ROOT);
    }

    private static boolean accepts(AuthEvent e, EventKind k, String q) {
        return k.includes(e.type()) && (q.isEmpty() || matches(e, q));
    }

    private void applyFilter() {
        String q = query();
        EventKind k = kind.get();
        List<AuthEvent> match = new ArrayList<>();
        for (AuthEvent e : events) {
            if (accepts(e, k, q)) {
                match.add(e);
            }
        }
        visible.setAll(match);
        updateSummary();
    }

    private void updateSummary() {
        summary.set(events.isEmpty() ? "No events yet." : visible.size() + " of " + events.size() + " events"
                + (events.size() >= MAX_EVENTS ? " (the newest " + MAX_EVENTS + " are kept)" : ""));
    }

    static boolean matches(AuthEvent e, String q) {
        return contains(e.username(), q) || contains(e.address(), q) || contains(e.subject(), q)
                || contains(e.reason(), q) || EventKind.describe(e.type()).toLowerCase(Locale.ROOT).contains(q);
    }

    private static boolean contains(String field, String q) {
        return field != null && field.toLowerCase(Locale.ROOT).contains(q);
    }

    public void stop() {
        if (tail != null) {
            tail.close();
            tail = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    public ObservableList<AuthEvent> visibleEvents() {
        return visible;
    }

    public int size() {
        return events.size();
    }

    public StringProperty searchProperty() {
        return search;
    }

    public ObjectProperty<EventKind> kindProperty() {
        return kind;
    }

    public ObjectProperty<FailureChart.Bucket> bucketProperty() {
        return bucket;
    }

    public ObjectProperty<FailureChart.GroupBy> groupByProperty() {
        return groupBy;
    }

    public ReadOnlyObjectProperty<FailureChart> chartProperty() {
        return chart.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Path> sourceProperty() {
        return source.getReadOnlyProperty();
    }

    public Clock clock() {
        return clock;
    }
}
