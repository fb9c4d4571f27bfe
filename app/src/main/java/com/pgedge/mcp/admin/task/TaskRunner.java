package com.pgedge.mcp.admin.task;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyStringProperty;

/**
 * The one way the console runs blocking work (file I/O, bcrypt) off the JavaFX application
 * thread. ViewModels depend on this interface only, so their tests use {@link SameThreadTaskRunner}
 * and need no toolkit; the application uses {@link FxTaskRunner}, built on
 * {@link javafx.concurrent.Task}.
 */
public interface TaskRunner {

    /**
     * Runs {@code work} in the background, then calls exactly one of {@code onSuccess} or
     * {@code onFailure} on the UI thread.
     *
     * @param title what the status bar says while the work runs ("Adding user alice")
     */
    <T> void run(String title, Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure);

    /**
     * Like {@link #run}, for long work that must not hold up edits queued behind it (starting a
     * server with its database takes seconds). Runs beside the ordered queue, not in it.
     */
    default <T> void runBeside(String title, Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
        run(title, work, onSuccess, onFailure);
    }

    /** Runs {@code action} on the UI thread (later, or at once when already there in tests). */
    void runOnUiThread(Runnable action);

    /** Runs {@code action} on the UI thread after {@code delay} (tests: at once). */
    default void runOnUiThreadAfter(java.time.Duration delay, Runnable action) {
        runOnUiThread(action);
    }

    /** How many tasks are queued or running: the status bar shows progress while it is above zero. */
    ReadOnlyIntegerProperty runningProperty();

    /** The title of the most recently started task that is still running, or "". */
    ReadOnlyStringProperty currentTitleProperty();

    /** Stops accepting work; running work finishes. */
    void shutdown();
}
