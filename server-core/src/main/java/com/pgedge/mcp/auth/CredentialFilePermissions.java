package com.pgedge.mcp.auth;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Warns, like libpq does for {@code .pgpass}, when a credential file can be changed or read by
 * other users (checklist 39). Hashes are not secrets in the strict sense, but a writable token
 * file lets anyone add a token of their own.
 */
final class CredentialFilePermissions {

    private CredentialFilePermissions() {
    }

    /** Problems with {@code file}'s mode or link target, as sentences; empty when fine or absent. */
    static List<String> problems(Path file) {
        List<String> out = new ArrayList<>();
        try {
            if (!Files.exists(file)) {
                return out;
            }
            Path real = file.toRealPath();
            if (Files.isSymbolicLink(file)) {
                Path folder = file.toAbsolutePath().normalize().getParent().toRealPath();
                if (!real.startsWith(folder)) {
                    out.add(file + " is a symbolic link to " + real + ", outside its folder");
                }
            }
            Set<PosixFilePermission> p = Files.getPosixFilePermissions(real, LinkOption.NOFOLLOW_LINKS);
            String mode = PosixFilePermissions.toString(p);
            if (p.contains(PosixFilePermission.GROUP_WRITE) || p.contains(PosixFilePermission.OTHERS_WRITE)) {
                out.add(file + " can be changed by other users (mode " + mode + "); run: chmod 600 " + file);
            } else if (p.contains(PosixFilePermission.OTHERS_READ)) {
                out.add(file + " can be read by every user (mode " + mode + "); run: chmod 600 " + file);
            }
        } catch (IOException | UnsupportedOperationException e) {
            // Not POSIX (or vanished meanwhile): nothing to say.
        }
        return out;
    }
}
