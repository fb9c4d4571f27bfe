package com.pgedge.mcp.auth;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The exclusive lock for a read-modify-write of one credential file (SPEC §1.3): an OS lock on
 * {@code <file>.lock} beside it, which excludes other processes (CLI, console, another server),
 * plus a JVM-wide {@link ReentrantLock}, because the OS lock is held per process and
 * {@link FileChannel#lock()} refuses a second lock from the same JVM.
 *
 * <p>The lock file is never deleted: deleting it would let two processes lock two different
 * files of the same name.
 */
final class CredentialFileLock implements AutoCloseable {

    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(15);

    private static final ConcurrentHashMap<Path, ReentrantLock> JVM_LOCKS = new ConcurrentHashMap<>();

    private final ReentrantLock jvmLock;
    private final FileChannel channel;
    private final FileLock osLock;
    private boolean released;

    private CredentialFileLock(ReentrantLock jvmLock, FileChannel channel, FileLock osLock) {
        this.jvmLock = jvmLock;
        this.channel = channel;
        this.osLock = osLock;
    }

    static Path lockFileOf(Path target) {
        return target.resolveSibling(target.getFileName() + ".lock");
    }

    /**
     * Waits for the lock on {@code target}.
     *
     * @throws AuthException when it is not free within the timeout or the lock file cannot be made
     */
    static CredentialFileLock acquire(Path target, Duration timeout) {
        Path absolute = target.toAbsolutePath().normalize();
        ReentrantLock jvmLock = JVM_LOCKS.computeIfAbsent(absolute, p -> new ReentrantLock());
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            if (!jvmLock.tryLock(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                throw busy(absolute);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuthException("Interrupted while waiting for the lock on " + lockFileOf(absolute));
        }
        if (jvmLock.getHoldCount() > 1) {
            // Nested use by the same thread: the outer holder already has the OS lock.
            return new CredentialFileLock(jvmLock, null, null);
        }
        FileChannel channel = null;
        try {
            CredentialFileWriter.createFolders(absolute.getParent());
            Path lockFile = lockFileOf(absolute);
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            CredentialFileWriter.restrictToOwner(lockFile);
            FileLock osLock;
            // Short polls: a waiter must get its turn in the gap between two writes of a busy writer.
            long pause = 1;
            while ((osLock = tryLock(channel)) == null) {
                if (System.nanoTime() > deadline) {
                    throw busy(absolute);
                }
                Thread.sleep(pause);
                pause = Math.min(4, pause * 2);
            }
            return new CredentialFileLock(jvmLock, channel, osLock);
        } catch (IOException e) {
            closeQuietly(channel);
            jvmLock.unlock();
            throw new AuthException("Cannot lock " + lockFileOf(absolute) + ": " + CredentialFileWriter.reason(e), e);
        } catch (InterruptedException e) {
            closeQuietly(channel);
            jvmLock.unlock();
            Thread.currentThread().interrupt();
            throw new AuthException("Interrupted while waiting for the lock on " + lockFileOf(absolute));
        } catch (RuntimeException e) {
            closeQuietly(channel);
            jvmLock.unlock();
            throw e;
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            // Cannot happen while the JVM lock is held; treat as busy rather than fail.
            return null;
        }
    }

    private static AuthException busy(Path target) {
        return new AuthException("Timed out waiting for the lock on " + lockFileOf(target)
                + ": another program is editing " + target.getFileName());
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing more to release
            }
        }
    }

    /** Releases the lock; a second call does nothing. Call it from the thread that acquired it. */
    @Override
    public void close() {
        if (released) {
            return;
        }
        released = true;
        try {
            if (osLock != null) {
                osLock.release();
            }
        } catch (IOException ignored) {
            // closing the channel releases it as well
        } finally {
            closeQuietly(channel);
            jvmLock.unlock();
        }
    }
}
