package com.pgedge.mcp.admin.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

class UiBatcherTest {

    /** A UI thread stepped by hand: records what was posted and with which delay. */
    static final class SteppedUi implements TaskRunner {
        final List<Runnable> posted = new ArrayList<>();
        final List<Duration> delays = new ArrayList<>();

        @Override
        public <T> void run(String title, Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void runOnUiThread(Runnable action) {
            runOnUiThreadAfter(Duration.ZERO, action);
        }

        @Override
        public synchronized void runOnUiThreadAfter(Duration delay, Runnable action) {
            posted.add(action);
            delays.add(delay);
        }

        synchronized void runAll() {
            List<Runnable> now = new ArrayList<>(posted);
            posted.clear();
            now.forEach(Runnable::run);
        }

        @Override
        public ReadOnlyIntegerProperty runningProperty() {
            return new ReadOnlyIntegerWrapper().getReadOnlyProperty();
        }

        @Override
        public ReadOnlyStringProperty currentTitleProperty() {
            return new ReadOnlyStringWrapper().getReadOnlyProperty();
        }

        @Override
        public void shutdown() {
        }
    }

    @Test
    void aBurstFromOtherThreadsIsOneUiUpdateAndTheNextWaitsForTheInterval() throws Exception {
        SteppedUi ui = new SteppedUi();
        List<List<Integer>> delivered = new ArrayList<>();
        UiBatcher<Integer> batcher = new UiBatcher<>(ui, Duration.ofSeconds(10), delivered::add);
        Thread[] producers = new Thread[4];
        for (int p = 0; p < producers.length; p++) {
            int base = p * 250;
            producers[p] = new Thread(() -> {
                for (int i = 0; i < 250; i++) {
                    batcher.offer(base + i);
                }
            });
            producers[p].start();
        }
        for (Thread t : producers) {
            t.join();
        }
        assertThat(ui.posted).hasSize(1);
        assertThat(ui.delays.get(0)).isEqualTo(Duration.ZERO);
        ui.runAll();
        assertThat(delivered).hasSize(1);
        assertThat(delivered.get(0)).hasSize(1000).doesNotHaveDuplicates();

        // Right after a delivery, the next batch is held back for (most of) the interval.
        batcher.offer(1000);
        batcher.offer(1001);
        assertThat(ui.posted).hasSize(1);
        assertThat(ui.delays.get(1)).isGreaterThan(Duration.ofSeconds(5)).isLessThanOrEqualTo(Duration.ofSeconds(10));
        ui.runAll();
        assertThat(delivered.get(1)).containsExactly(1000, 1001);
    }

    @Test
    void clearDropsWhatWasNotDeliveredYet() {
        SteppedUi ui = new SteppedUi();
        List<List<String>> delivered = new ArrayList<>();
        UiBatcher<String> batcher = new UiBatcher<>(ui, Duration.ofMillis(100), delivered::add);
        batcher.offer("old source");
        batcher.clear();
        ui.runAll();
        assertThat(delivered).isEmpty();
        batcher.offer("new source");
        ui.runAll();
        assertThat(delivered).containsExactly(List.of("new source"));
    }
}
