package com.pgedge.mcp.admin.task;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import javafx.application.Platform;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.concurrent.Task;

/**
 * Runs work as {@link Task}s on one background thread. One thread on purpose: an edit and the
 * refresh that follows it run in the order they were asked for, and two edits of the same file
 * never race inside the console (the core's file lock handles other processes).
 */
public final class FxTaskRunner implements TaskRunner {

    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "console-worker");
        t.setDaemon(true);
        return t;
    });
    /** For {@link #runBeside}: long work (a server start) that must not block the ordered queue. */
    private final ExecutorService beside = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "console-worker-long");
        t.setDaemon(true);
        return t;
    });
    /** Only waits, then posts to the UI thread: never runs work itself. */
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "console-ui-timer");
        t.setDaemon(true);
        return t;
    });
    private final ReadOnlyIntegerWrapper running = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("");

    @Override
    public <T> void run(String taskTitle, Callable<T> work, Consumer<? super T> onSuccess,
                        Consumer<Throwable> onFailure) {
        submit(executor, taskTitle, work, onSuccess, onFailure);
    }

    @Override
    public <T> void runBeside(String taskTitle, Callable<T> work, Consumer<? super T> onSuccess,
                              Consumer<Throwable> onFailure) {
        submit(beside, taskTitle, work, onSuccess, onFailure);
    }

    private <T> void submit(ExecutorService on, String taskTitle, Callable<T> work, Consumer<? super T> onSuccess,
                            Consumer<Throwable> onFailure) {
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                return work.call();
            }
        };
        runOnUiThread(() -> {
            running.set(running.get() + 1);
            title.set(taskTitle);
        });
        task.setOnSucceeded(e -> {
            finished();
            onSuccess.accept(task.getValue());
        });
        task.setOnFailed(e -> {
            finished();
            onFailure.accept(task.getException());
        });
        task.setOnCancelled(e -> finished());
        on.execute(task);
    }

    private void finished() {
        running.set(Math.max(0, running.get() - 1));
        if (running.get() == 0) {
            title.set("");
        }
    }

    @Override
    public void runOnUiThread(Runnable action) {
        if (Platform.isFxApplicationThread()) {
            action.run();
        } else {
            Platform.runLater(action);
        }
    }

    @Override
    public void runOnUiThreadAfter(java.time.Duration delay, Runnable action) {
        if (delay.isZero() || delay.isNegative()) {
            Platform.runLater(action);
        } else {
            timer.schedule(() -> Platform.runLater(action), delay.toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    @Override
    public ReadOnlyIntegerProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    @Override
    public ReadOnlyStringProperty currentTitleProperty() {
        return title.getReadOnlyProperty();
    }

    @Override
    public void shutdown() {
        executor.shutdown();
        beside.shutdown();
        timer.shutdown();
    }
}
