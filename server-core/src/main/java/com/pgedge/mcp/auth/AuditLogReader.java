package com.pgedge.mcp.auth;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the JSON-lines audit file (SPEC §8) that {@link AuthService} appends to, whether the
 * writer is in this process or another one. The console uses it for its activity view: read
 * the history with {@link #readFrom(Path, long)}, then follow new lines with {@link #tail}.
 *
 * <p>Lines that are not events (torn by a crash, written by something else) are skipped and
 * counted; a half-written last line is left for the next read.
 */
public final class AuditLogReader {

    private static final Logger LOG = LoggerFactory.getLogger(AuditLogReader.class);
    /** Most bytes read in one call, so a huge file is read in bounded steps. */
    private static final int MAX_CHUNK = 8 * 1024 * 1024;

    private AuditLogReader() {
    }

    /**
     * Events read from one position of the file.
     *
     * @param events     the complete lines from {@code offset} on, as events, oldest first
     * @param nextOffset where the next read should start (after the last complete line)
     * @param skipped    lines that were not valid events
     */
    public record Batch(List<AuthEvent> events, long nextOffset, int skipped) {
    }

    /** One line as an event, or {@code null} when it is not a valid audit line. */
    public static AuthEvent parseLine(String line) {
        return AuditLine.parse(line);
    }

    /** The JSON line for an event, exactly as the audit log writes it (without the newline). */
    public static String formatLine(AuthEvent event) {
        return AuditLine.format(event);
    }

    /** Every event in the file; an absent file has none. */
    public static List<AuthEvent> readAll(Path file) throws IOException {
        List<AuthEvent> all = new ArrayList<>();
        long offset = 0;
        while (true) {
            Batch b = readFrom(file, offset);
            all.addAll(b.events());
            if (b.nextOffset() == offset) {
                return all;
            }
            offset = b.nextOffset();
        }
    }

    /**
     * Reads the complete lines from {@code offset} (at most a few MB per call; call again with
     * {@code nextOffset} until it stops moving). When the file is shorter than {@code offset}
     * it was truncated or replaced, and reading starts again at 0.
     */
    public static Batch readFrom(Path file, long offset) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            long start = offset > size ? 0 : Math.max(0, offset);
            int length = (int) Math.min(MAX_CHUNK, size - start);
            if (length <= 0) {
                return new Batch(List.of(), start, 0);
            }
            ByteBuffer buf = ByteBuffer.allocate(length);
            while (buf.hasRemaining() && ch.read(buf, start + buf.position()) > 0) {
                // keep reading until the chunk is full or the file ends
            }
            byte[] bytes = buf.array();
            int filled = buf.position();
            int lastNewline = -1;
            for (int i = filled - 1; i >= 0; i--) {
                if (bytes[i] == '\n') {
                    lastNewline = i;
                    break;
                }
            }
            if (lastNewline < 0) {
                if (filled == MAX_CHUNK) {
                    // A "line" longer than any event: skip it whole.
                    return new Batch(List.of(), start + filled, 1);
                }
                return new Batch(List.of(), start, 0);
            }
            List<AuthEvent> events = new ArrayList<>();
            int skipped = 0;
            String text = new String(bytes, 0, lastNewline + 1, StandardCharsets.UTF_8);
            for (String line : text.split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                AuthEvent e = AuditLine.parse(line);
                if (e == null) {
                    skipped++;
                } else {
                    events.add(e);
                }
            }
            return new Batch(events, start + lastNewline + 1, skipped);
        } catch (NoSuchFileException e) {
            return new Batch(List.of(), 0, 0);
        }
    }

    /**
     * Follows the file: calls {@code onEvent} for each new event (on a background thread),
     * polling every {@code pollInterval}. Polling rather than a folder watch keeps this simple
     * and works on network file systems; an audit view does not need sub-second latency.
     *
     * @param fromStart {@code true} to deliver the existing history first, {@code false} to
     *                  start at the current end
     * @return close it to stop following
     */
    public static Subscription tail(Path file, Duration pollInterval, boolean fromStart, Consumer<AuthEvent> onEvent) {
        Objects.requireNonNull(onEvent, "onEvent");
        long[] offset = new long[1];
        if (!fromStart) {
            try {
                offset[0] = Files.size(file);
            } catch (IOException e) {
                offset[0] = 0;
            }
        }
        ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "pgedge-audit-tail");
            t.setDaemon(true);
            return t;
        });
        poller.scheduleWithFixedDelay(() -> {
            try {
                while (true) {
                    Batch b = readFrom(file, offset[0]);
                    for (AuthEvent e : b.events()) {
                        onEvent.accept(e);
                    }
                    boolean moved = b.nextOffset() != offset[0];
                    offset[0] = b.nextOffset();
                    if (!moved || b.events().isEmpty() && b.skipped() == 0) {
                        return;
                    }
                }
            } catch (IOException | RuntimeException e) {
                LOG.debug("Audit tail of {} failed once: {}", file, e.toString());
            }
        }, 0, Math.max(10, pollInterval.toMillis()), TimeUnit.MILLISECONDS);
        return poller::shutdownNow;
    }
}
