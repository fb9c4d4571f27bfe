package com.pgedge.mcp.auth;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The append-only JSON-lines audit file (SPEC §8). Events are queued and written by one
 * background thread, so that {@link AuthService#checkBearer} never waits for the disk; when the
 * queue is full (a flood of bad tokens) further events are counted and dropped rather than
 * blocking the caller. Each line is one {@code write} on a file opened for appending, so
 * several processes (a server, the CLI, the console) can append to the same file.
 */
final class AuditLog implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);
    private static final int QUEUE = 10_000;
    private static final AuthEvent STOP = new AuthEvent(java.time.Instant.EPOCH, AuthEventType.RELOADED,
            null, null, null, "stop");

    private final Path file;
    private final BlockingQueue<AuthEvent> queue = new ArrayBlockingQueue<>(QUEUE);
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong queued = new AtomicLong();
    private final AtomicLong done = new AtomicLong();
    private final Thread writer;
    private volatile boolean closed;
    private volatile boolean failedOnce;

    AuditLog(Path file) {
        this.file = file.toAbsolutePath().normalize();
        this.writer = new Thread(this::run, "pgedge-auth-audit");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    Path file() {
        return file;
    }

    /** Queues an event; never blocks. */
    void append(AuthEvent event) {
        if (closed || !queue.offer(event)) {
            dropped.incrementAndGet();
        } else {
            queued.incrementAndGet();
        }
    }

    private void run() {
        List<AuthEvent> batch = new ArrayList<>();
        while (true) {
            try {
                AuthEvent first = queue.poll(1, TimeUnit.SECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, 500);
                boolean stop = batch.remove(STOP);
                write(batch);
                done.addAndGet(batch.size());
                batch.clear();
                if (stop) {
                    queue.drainTo(batch);
                    batch.remove(STOP);
                    write(batch);
                    return;
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void write(List<AuthEvent> events) {
        long lost = dropped.getAndSet(0);
        if (events.isEmpty() && lost == 0) {
            return;
        }
        StringBuilder sb = new StringBuilder();
        for (AuthEvent e : events) {
            sb.append(AuditLine.format(e)).append('\n');
        }
        if (lost > 0) {
            LOG.warn("[AUTH] Audit log queue full: {} event(s) were not written to {}", lost, file);
        }
        try {
            CredentialFileWriter.createFolders(file.getParent());
            boolean isNew = !Files.exists(file);
            try (FileChannel ch = isNew
                    ? FileChannel.open(file, java.util.Set.of(StandardOpenOption.CREATE, StandardOpenOption.APPEND),
                            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                    : FileChannel.open(file, StandardOpenOption.APPEND)) {
                // One line per write call: appends from several processes do not interleave inside a line.
                for (String line : sb.toString().split("(?<=\n)")) {
                    ByteBuffer buf = ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8));
                    while (buf.hasRemaining()) {
                        ch.write(buf);
                    }
                }
            }
            failedOnce = false;
        } catch (IOException | UnsupportedOperationException e) {
            if (!failedOnce) {
                failedOnce = true;
                LOG.warn("[AUTH] Cannot write the audit log {}: {}", file,
                        e instanceof IOException io ? CredentialFileWriter.reason(io) : e.getMessage());
            }
        }
    }

    /** Waits (briefly) until every queued event is on disk. For tests and the CLI. */
    void flush() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        long target = queued.get();
        while (done.get() < target && writer.isAlive() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            queue.put(STOP);
            writer.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
