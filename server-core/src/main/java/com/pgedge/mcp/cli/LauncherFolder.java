package com.pgedge.mcp.cli;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;

/**
 * The folder of the program the user ran, where the reference keeps its configuration and
 * credential files: the installed launcher's folder (jpackage sets {@code jpackage.app-path}),
 * else the folder of the jar, else nothing (running from class folders, as in a build).
 */
final class LauncherFolder {

    private LauncherFolder() {
    }

    static Path find() {
        String app = System.getProperty("jpackage.app-path");
        if (app != null && !app.isBlank()) {
            Path parent = Path.of(app).toAbsolutePath().getParent();
            if (parent != null) {
                return parent;
            }
        }
        try {
            CodeSource source = LauncherFolder.class.getProtectionDomain().getCodeSource();
            if (source != null && source.getLocation() != null) {
                Path location = Path.of(source.getLocation().toURI());
                if (Files.isRegularFile(location)) {
                    return location.toAbsolutePath().getParent();
                }
            }
        } catch (URISyntaxException | RuntimeException e) {
            // No usable location: fall back to the current folder, as documented.
        }
        return null;
    }
}
