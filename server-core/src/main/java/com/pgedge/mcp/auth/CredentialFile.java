package com.pgedge.mcp.auth;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * One credential file and its current parsed content, swapped atomically (SPEC §1.3, §1.4).
 *
 * <p>Readers call {@link #content()}: a volatile read, never blocked. Edits run
 * {@link #update} under the {@link CredentialFileLock}, re-reading the file inside the lock so
 * that no other writer's change is lost. Reloads compare the file's SHA-256 with the last one
 * seen, so a no-op write and this process's own writes do not reload.
 *
 * @param <C> the parsed content (immutable)
 */
final class CredentialFile<C> {

    /** How one file format is read and written. */
    interface Codec<C> {
        C empty();

        /** @throws IllegalArgumentException with a one-line reason */
        C parse(byte[] bytes);

        byte[] render(C content);
    }

    /** The content and the digest of the bytes it came from ({@code null} digest: no file). */
    record State<C>(C content, byte[] digest) {
    }

    /** The result of an edit: the new content (same instance = nothing to write) and a value for the caller. */
    record Edit<C, R>(C content, R result) {
    }

    /** What a reload found. */
    sealed interface Reload<C> {
        record Unchanged<C>() implements Reload<C> {
        }

        record Missing<C>() implements Reload<C> {
        }

        record Failed<C>(String reason) implements Reload<C> {
        }

        record Reloaded<C>(C before, C after) implements Reload<C> {
        }

        /** The file became empty: perhaps a writer truncated it and has not written yet. */
        record EmptyDeferred<C>() implements Reload<C> {
        }
    }

    private final Path path;
    private final Codec<C> codec;
    private final AtomicReference<State<C>> state;
    /** Orders this JVM's swaps (edit vs reload) so an older read never overwrites a newer write. */
    private final ReentrantLock swapLock = new ReentrantLock();
    /**
     * Changes already applied in memory but not yet written (login bookkeeping). Every swap puts
     * them back on top of what was read, so memory never goes back to an older count while the
     * write is on its way. Guarded by {@link #swapLock}.
     */
    private final java.util.List<UnaryOperator<C>> pending = new java.util.ArrayList<>();
    /** Digest of the last content that failed to parse, so the same broken file is reported once. */
    private byte[] failedDigest;
    /** Told about every swap after the first load (old content, new content). */
    private volatile java.util.function.BiConsumer<C, C> onChange = (a, b) -> { };

    CredentialFile(Path path, Codec<C> codec) {
        this.path = path.toAbsolutePath().normalize();
        this.codec = Objects.requireNonNull(codec);
        this.state = new AtomicReference<>(new State<>(codec.empty(), null));
    }

    /** Sets who hears about content changes: edits by anyone, reloads, in-memory cleanup. */
    void onChange(java.util.function.BiConsumer<C, C> listener) {
        this.onChange = Objects.requireNonNull(listener);
    }

    Path path() {
        return path;
    }

    C content() {
        return state.get().content();
    }

    boolean exists() {
        return state.get().digest() != null;
    }

    /**
     * Reads the file for the first time. A missing file is an empty store.
     *
     * @throws AuthException naming the file when it exists but cannot be read or parsed
     */
    void load() {
        swapLock.lock();
        try {
            byte[] bytes = readOrNull();
            if (bytes == null) {
                state.set(new State<>(codec.empty(), null));
                return;
            }
            state.set(new State<>(parse(bytes), digest(bytes)));
        } catch (IOException e) {
            throw new AuthException("Cannot read " + path + ": " + CredentialFileWriter.reason(e), e);
        } catch (IllegalArgumentException e) {
            throw new AuthException("Invalid " + path + ": " + e.getMessage());
        } finally {
            swapLock.unlock();
        }
    }

    /**
     * Re-reads the file if its bytes changed; on any problem the old content stays.
     *
     * @param acceptEmpty whether an empty file may replace content that came from a non-empty
     *                    one; the first time, the caller should look again a little later,
     *                    because an editor that rewrites in place truncates first
     */
    Reload<C> reload(boolean acceptEmpty) {
        swapLock.lock();
        try {
            byte[] bytes;
            try {
                bytes = readOrNull();
            } catch (IOException e) {
                return new Reload.Failed<>(CredentialFileWriter.reason(e));
            }
            if (bytes == null) {
                return new Reload.Missing<>();
            }
            byte[] digest = digest(bytes);
            State<C> before = state.get();
            if (!acceptEmpty && isBlank(bytes) && before.digest() != null
                    && !MessageDigest.isEqual(before.digest(), digest)) {
                return new Reload.EmptyDeferred<>();
            }
            if (before.digest() != null && MessageDigest.isEqual(before.digest(), digest)) {
                failedDigest = null;
                return new Reload.Unchanged<>();
            }
            if (failedDigest != null && MessageDigest.isEqual(failedDigest, digest)) {
                return new Reload.Unchanged<>();
            }
            C parsed;
            try {
                parsed = parse(bytes);
            } catch (IllegalArgumentException e) {
                failedDigest = digest;
                return new Reload.Failed<>(e.getMessage());
            }
            failedDigest = null;
            C shown = overlay(parsed);
            state.set(new State<>(shown, digest));
            onChange.accept(before.content(), shown);
            return new Reload.Reloaded<>(before.content(), shown);
        } finally {
            swapLock.unlock();
        }
    }

    /**
     * Read-modify-write under the file lock. The edit sees the file as it is now on disk (not
     * the possibly older snapshot); returning the same content instance writes nothing.
     *
     * @throws AuthException when the file cannot be locked, read, parsed or written; nothing is
     *                       changed then
     */
    <R> R update(Function<C, Edit<C, R>> edit, boolean keepBackup) {
        return update(edit, keepBackup, null);
    }

    @SuppressWarnings("try") // the lock is held for the block; its body need not name it
    private <R> R update(Function<C, Edit<C, R>> edit, boolean keepBackup, UnaryOperator<C> writesPending) {
        try (CredentialFileLock lock = CredentialFileLock.acquire(path, CredentialFileLock.DEFAULT_TIMEOUT)) {
            swapLock.lock();
            try {
                byte[] bytes = readOrNull();
                C before = state.get().content();
                C current = bytes == null ? codec.empty() : parse(bytes);
                Edit<C, R> result = edit.apply(current);
                if (result.content() != current) {
                    byte[] rendered = codec.render(result.content());
                    CredentialFileWriter.write(path, rendered, keepBackup && bytes != null);
                    pending.remove(writesPending);
                    C shown = overlay(result.content());
                    state.set(new State<>(shown, digest(rendered)));
                    onChange.accept(before, shown);
                } else {
                    pending.remove(writesPending);
                    if (bytes != null && !MessageDigest.isEqual(digest(bytes), digestOrEmpty())) {
                        C shown = overlay(current);
                        state.set(new State<>(shown, digest(bytes)));
                        onChange.accept(before, shown);
                    }
                }
                return result.result();
            } catch (IOException e) {
                throw new AuthException("Cannot write " + path + ": " + CredentialFileWriter.reason(e), e);
            } catch (IllegalArgumentException e) {
                throw new AuthException("Invalid " + path + " (fix or restore it first): " + e.getMessage());
            } finally {
                swapLock.unlock();
            }
        }
    }

    /**
     * Applies a change in memory at once; {@link #writePending} writes it later. Until then the
     * change stays on top of whatever is reloaded or written by others.
     */
    C changeNow(UnaryOperator<C> change) {
        swapLock.lock();
        try {
            pending.add(change);
            State<C> s = state.get();
            C next = change.apply(s.content());
            state.set(new State<>(next, s.digest()));
            onChange.accept(s.content(), next);
            return next;
        } finally {
            swapLock.unlock();
        }
    }

    /** Writes a change made with {@link #changeNow} to the file (under the lock, re-reading it). */
    void writePending(UnaryOperator<C> change) {
        try {
            update(c -> new Edit<>(change.apply(c), null), false, change);
        } catch (RuntimeException e) {
            swapLock.lock();
            try {
                // Not written: it stays in memory only until the next swap.
                pending.remove(change);
            } finally {
                swapLock.unlock();
            }
            throw e;
        }
    }

    private C overlay(C content) {
        C c = content;
        for (UnaryOperator<C> change : pending) {
            c = change.apply(c);
        }
        return c;
    }

    /** Replaces the in-memory content without touching the file (expiry cleanup). */
    C replaceInMemory(UnaryOperator<C> change) {
        swapLock.lock();
        try {
            State<C> s = state.get();
            C next = change.apply(s.content());
            state.set(new State<>(next, s.digest()));
            onChange.accept(s.content(), next);
            return next;
        } finally {
            swapLock.unlock();
        }
    }

    private static boolean isBlank(byte[] bytes) {
        for (byte b : bytes) {
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return false;
            }
        }
        return true;
    }

    private byte[] digestOrEmpty() {
        byte[] d = state.get().digest();
        return d == null ? new byte[0] : d;
    }

    private C parse(byte[] bytes) {
        return codec.parse(bytes);
    }

    private byte[] readOrNull() throws IOException {
        try {
            return FileBytes.read(path);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    static byte[] digest(byte[] bytes) {
        return TokenSecrets.sha256(bytes);
    }
}
