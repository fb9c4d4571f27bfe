package com.pgedge.mcp.auth;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the folders of the credential files (SPEC §1.4) and calls a reload for a file 100 ms
 * after the last event that concerns it (trailing debounce).
 *
 * <p>Folders, not files, are watched: editors and {@code mv} replace a file, and Kubernetes
 * swaps a symbolic link ({@code ..data}) in the folder without touching the file's own name.
 * Events for the exact name always count; when the watched file is a symbolic link, events for
 * other names in the folder count too (except this product's own side files), and the reload's
 * content comparison discards those that changed nothing.
 */
final class CredentialFileWatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CredentialFileWatcher.class);

    /** One watched file and what to do when it changes. */
    record Target(Path file, Runnable reload) {
    }

    private final List<Target> targets;
    private final Duration debounce;
    private final ScheduledExecutorService scheduler;
    private final WatchService service;
    private final Map<WatchKey, Path> folders = new HashMap<>();
    private final Map<Path, ScheduledFuture<?>> pending = new HashMap<>();
    private final Thread thread;
    private volatile boolean closed;

    CredentialFileWatcher(List<Target> targets, Duration debounce, ScheduledExecutorService scheduler) throws IOException {
        this.targets = List.copyOf(targets);
        this.debounce = debounce;
        this.scheduler = scheduler;
        this.service = FileSystems.getDefault().newWatchService();
        try {
            for (Target t : this.targets) {
                Path folder = t.file().getParent();
                if (!folders.containsValue(folder)) {
                    CredentialFileWriter.createFolders(folder);
                    WatchKey key = folder.register(service, StandardWatchEventKinds.ENTRY_CREATE,
                            StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_DELETE);
                    folders.put(key, folder);
                }
            }
        } catch (IOException | RuntimeException e) {
            service.close();
            throw e;
        }
        this.thread = new Thread(this::run, "pgedge-auth-watcher");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    private void run() {
        while (!closed) {
            WatchKey key;
            try {
                key = service.take();
            } catch (InterruptedException | ClosedWatchServiceException e) {
                return;
            }
            Path folder = folders.get(key);
            List<Target> hit = new ArrayList<>();
            for (WatchEvent<?> event : key.pollEvents()) {
                if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
                    // Events were lost: check every file of this folder; the content comparison sorts it out.
                    targets.stream().filter(t -> t.file().getParent().equals(folder)).forEach(hit::add);
                    continue;
                }
                Path name = (Path) event.context();
                for (Target t : targets) {
                    if (folder != null && t.file().getParent().equals(folder) && concerns(t.file(), name)) {
                        hit.add(t);
                    }
                }
            }
            if (!key.reset()) {
                LOG.warn("[AUTH] Stopped watching {}: the folder is gone", folder);
            }
            hit.stream().distinct().forEach(this::schedule);
        }
    }

    private static boolean concerns(Path file, Path name) {
        String n = name.toString();
        String own = file.getFileName().toString();
        if (n.equals(own)) {
            return true;
        }
        if (!Files.isSymbolicLink(file)) {
            return false;
        }
        // Our own side files never change the target of a link.
        return !(n.startsWith(own + ".") || n.startsWith("." + own + ".") || n.endsWith(".jsonl")
                || n.endsWith(".lock") || n.endsWith(".tmp"));
    }

    private synchronized void schedule(Target t) {
        if (closed) {
            return;
        }
        ScheduledFuture<?> previous = pending.get(t.file());
        if (previous != null) {
            previous.cancel(false);
        }
        pending.put(t.file(), scheduler.schedule(() -> fire(t), debounce.toMillis(), TimeUnit.MILLISECONDS));
    }

    private void fire(Target t) {
        if (closed) {
            return;
        }
        try {
            t.reload().run();
        } catch (RuntimeException e) {
            LOG.error("[AUTH] Failed to reload {}: {}", t.file(), e.toString());
        } catch (OutOfMemoryError e) {
            // A scheduled task's Error would vanish into its Future: say it, keep the old data
            // (the half-built snapshot is garbage and is reclaimed), and keep watching.
            LOG.error("[AUTH] Failed to reload {}: not enough memory to parse it (raise -Xmx)", t.file());
        }
    }

    @Override
    public void close() {
        closed = true;
        synchronized (this) {
            pending.values().forEach(f -> f.cancel(false));
            pending.clear();
        }
        try {
            service.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        thread.interrupt();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
