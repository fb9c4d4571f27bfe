package com.pgedge.mcp.auth;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Crash-safe replacement of a credential file (SPEC §1.3): a temp file in the same folder with
 * mode 0600, fsync, atomic rename over the target, fsync of the folder. A crash at any moment
 * leaves the old file or the new one, never a torn one. New folders get mode 0700.
 *
 * <p>Before replacing, the previous version is kept as {@code <file>.bak.1} (and older ones
 * shifted to {@code .bak.2}, {@code .bak.3}) so an admin can undo an edit.
 */
final class CredentialFileWriter {

    static final int BACKUPS = 3;

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");

    private CredentialFileWriter() {
    }

    static Path backupOf(Path target, int n) {
        return target.resolveSibling(target.getFileName() + ".bak." + n);
    }

    /**
     * Replaces {@code target} with {@code content}.
     *
     * @param keepBackup whether to keep the replaced version as {@code .bak.1}; routine
     *                   bookkeeping (last login, failure counters) does not, so the backups stay
     *                   the admins' edits
     * @throws IOException when the file cannot be written; the old file is then untouched
     */
    static void write(Path target, byte[] content, boolean keepBackup) throws IOException {
        Path file = target.toAbsolutePath().normalize();
        if (Files.isSymbolicLink(file)) {
            // Keep the link (mounted secrets, dotfile managers): replace what it points to.
            file = file.toRealPath();
        }
        Path folder = file.getParent();
        createFolders(folder);
        Path temp = createOwnerOnlyTemp(folder, file.getFileName().toString());
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                FileBytes.writeFully(channel, content);
                channel.force(true);
            }
            if (keepBackup && Files.exists(file)) {
                rotateBackups(file);
            }
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("the file system cannot rename atomically in " + folder, e);
            }
            syncFolder(folder);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static Path createOwnerOnlyTemp(Path folder, String name) throws IOException {
        String prefix = "." + name + ".";
        try {
            FileAttribute<Set<PosixFilePermission>> attr = PosixFilePermissions.asFileAttribute(OWNER_ONLY);
            return Files.createTempFile(folder, prefix, ".tmp", attr);
        } catch (UnsupportedOperationException e) {
            return Files.createTempFile(folder, prefix, ".tmp");
        }
    }

    private static void rotateBackups(Path file) throws IOException {
        for (int n = BACKUPS; n > 1; n--) {
            Path older = backupOf(file, n - 1);
            if (Files.exists(older)) {
                Files.move(older, backupOf(file, n), StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
            }
        }
        Path first = backupOf(file, 1);
        Files.deleteIfExists(first);
        try {
            // A hard link keeps the old version at no cost, and the rename then leaves it there.
            Files.createLink(first, file);
        } catch (UnsupportedOperationException | IOException e) {
            Files.copy(file, first, StandardCopyOption.REPLACE_EXISTING);
            restrictToOwner(first);
        }
    }

    /** Creates missing folders with mode 0700 (existing folders are left as they are). */
    static void createFolders(Path folder) throws IOException {
        if (folder == null || Files.isDirectory(folder)) {
            return;
        }
        createFolders(folder.getParent());
        try {
            Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIR));
        } catch (UnsupportedOperationException e) {
            Files.createDirectory(folder);
        } catch (FileAlreadyExistsException e) {
            // made meanwhile by another writer
        }
    }

    static void restrictToOwner(Path file) {
        try {
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        } catch (UnsupportedOperationException | IOException ignored) {
            // not a POSIX file system, or not ours to change: the permission check warns
        }
    }

    private static void syncFolder(Path folder) {
        // Makes the rename itself durable. Not possible on every platform; the data is already synced.
        try (FileChannel dir = FileChannel.open(folder, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // best effort
        }
    }

    /** A short reason for an I/O failure, fit for a log line or an error message. */
    static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m;
    }
}
