package com.pgedge.mcp.admin.task;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Hands items produced on other threads (auth events, log lines) to the UI thread in batches, at
 * most one batch per interval. A burst of a thousand failed logins then costs a handful of UI
 * updates instead of a thousand, and the window keeps drawing frames.
 */
public final class UiBatcher<T> {

    private final TaskRunner runner;
    private final long intervalNanos;
    private final Consumer<List<T>> onUiThread;
    private final ConcurrentLinkedQueue<T> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    /** When the last batch was handed over (nanoTime); starts one interval back so the first goes at once. */
    private volatile long lastDelivery;

    public UiBatcher(TaskRunner runner, Duration interval, Consumer<List<T>> onUiThread) {
        this.runner = Objects.requireNonNull(runner, "runner");
        this.intervalNanos = interval.toNanos();
        this.onUiThread = Objects.requireNonNull(onUiThread, "onUiThread");
        this.lastDelivery = System.nanoTime() - intervalNanos;
    }

    /** Any thread. */
    public void offer(T item) {
        queue.add(item);
        if (scheduled.compareAndSet(false, true)) {
            long wait = lastDelivery + intervalNanos - System.nanoTime();
            runner.runOnUiThreadAfter(Duration.ofNanos(Math.max(0, wait)), this::drain);
        }
    }

    /** Drops what has not been delivered yet (the source changed). */
    public void clear() {
        queue.clear();
    }

    private void drain() {
        // Reset first: an item offered while this batch is delivered schedules the next one.
        scheduled.set(false);
        lastDelivery = System.nanoTime();
        List<T> batch = new ArrayList<>();
        for (T t; (t = queue.poll()) != null; ) {
            batch.add(t);
        }
        if (!batch.isEmpty()) {
            onUiThread.accept(batch);
        }
    }
}
