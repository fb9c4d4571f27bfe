package com.pgedge.mcp.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The folder watcher on its own, counting raw reload calls (the reference's watcher cases).
 * These wait for real file-system events, so they use short real waits; "nothing happened"
 * checks wait 400 ms, four times the debounce.
 */
class CredentialFileWatcherTest {

    static final Duration QUIET = Duration.ofMillis(400);

    @TempDir
    Path dir;

    ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    AtomicInteger reloads = new AtomicInteger();
    CredentialFileWatcher watcher;

    CredentialFileWatcher watch(Path file, Runnable reload) throws Exception {
        watcher = new CredentialFileWatcher(List.of(new CredentialFileWatcher.Target(file, reload)),
                Duration.ofMillis(100), scheduler);
        return watcher;
    }

    @AfterEach
    void stop() {
        if (watcher != null) {
            watcher.close();
        }
        scheduler.shutdownNow();
    }

    static void pause(Duration d) throws InterruptedException {
        Thread.sleep(d.toMillis());
    }

    @Test
    void reloadsOnWrite() throws Exception {
        Path file = Files.writeString(dir.resolve("test.yaml"), "initial");
        watch(file, reloads::incrementAndGet);
        Files.writeString(file, "updated");
        await().atMost(Duration.ofSeconds(3)).until(() -> reloads.get() >= 1);
    }

    @Test
    void reloadsAfterDeleteAndRecreate() throws Exception {
        Path file = Files.writeString(dir.resolve("test.yaml"), "initial");
        watch(file, reloads::incrementAndGet);
        Files.delete(file);
        pause(Duration.ofMillis(200));
        int afterDelete = reloads.get();
        Files.writeString(file, "recreated");
        await().atMost(Duration.ofSeconds(3)).until(() -> reloads.get() > afterDelete);
    }

    @Test
    void rapidWritesAreDebouncedIntoOneTrailingReload() throws Exception {
        Path file = Files.writeString(dir.resolve("test.yaml"), "initial");
        watch(file, reloads::incrementAndGet);
        for (int i = 0; i < 5; i++) {
            Files.writeString(file, "rapid update " + i);
            pause(Duration.ofMillis(20));
        }
        await().atMost(Duration.ofSeconds(3)).until(() -> reloads.get() >= 1);
        pause(QUIET);
        assertThat(reloads.get()).as("reloads for 5 writes 20 ms apart").isBetween(1, 2);
    }

    @Test
    void noReloadAfterStop() throws Exception {
        Path file = Files.writeString(dir.resolve("test.yaml"), "initial");
        watch(file, reloads::incrementAndGet).close();
        Files.writeString(file, "after stop");
        pause(QUIET);
        assertThat(reloads.get()).isZero();
    }

    @Test
    void pendingReloadIsCancelledByStop() throws Exception {
        Path file = Files.writeString(dir.resolve("test.yaml"), "initial");
        watch(file, reloads::incrementAndGet);
        Files.writeString(file, "changed");
        pause(Duration.ofMillis(30));
        watcher.close();
        pause(QUIET);
        assertThat(reloads.get()).isZero();
    }

    @Test
    void siblingFilesAreIgnored() throws Exception {
        Path file = Files.writeString(dir.resolve("test.yaml"), "test");
        Path other = Files.writeString(dir.resolve("other.yaml"), "other");
        watch(file, reloads::incrementAndGet);
        Files.writeString(other, "updated other");
        Files.writeString(dir.resolve("test.yaml.bak.1"), "backup");
        Files.writeString(dir.resolve("test.yaml.lock"), "");
        pause(QUIET);
        assertThat(reloads.get()).isZero();
        Files.writeString(file, "updated test");
        await().atMost(Duration.ofSeconds(3)).until(() -> reloads.get() == 1);
    }

    @Test
    void aFailingReloadDoesNotStopTheWatcher() throws Exception {
        Path file = Files.writeString(dir.resolve("test.yaml"), "initial");
        watch(file, () -> {
            reloads.incrementAndGet();
            throw new IllegalStateException("boom");
        });
        Files.writeString(file, "one");
        await().atMost(Duration.ofSeconds(3)).until(() -> reloads.get() == 1);
        Files.writeString(file, "two");
        await().atMost(Duration.ofSeconds(3)).until(() -> reloads.get() == 2);
    }

    @Test
    void concurrentWritersAllEndInAReload() throws Exception {
        Path file = Files.writeString(dir.resolve("test.yaml"), "initial");
        watch(file, () -> {
            reloads.incrementAndGet();
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Thread[] writers = new Thread[3];
        for (int i = 0; i < writers.length; i++) {
            int id = i;
            writers[i] = new Thread(() -> {
                for (int j = 0; j < 2; j++) {
                    try {
                        Files.writeString(file, "concurrent " + id + " " + j);
                        Thread.sleep(50);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            });
            writers[i].start();
        }
        for (Thread t : writers) {
            t.join();
        }
        await().atMost(Duration.ofSeconds(3)).until(() -> reloads.get() >= 1);
    }

    @Test
    void aMissingFolderIsCreatedAndWatched() throws Exception {
        Path file = dir.resolve("not/yet/there.yaml");
        watch(file, reloads::incrementAndGet);
        assertThat(Files.isDirectory(file.getParent())).isTrue();
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
        Files.writeString(file, "appeared");
        await().atMost(Duration.ofSeconds(3)).until(() -> reloads.get() == 1);
    }
}
