package com.pgedge.mcp.installer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.ZipFile;

/**
 * Where things are inside a jpackage application image; the layout differs per platform
 * (bin/ and lib/ on Linux, the launchers at the top on Windows, a .app bundle on macOS).
 *
 * @param launchers folder holding the launchers
 * @param appDir    folder holding the application jar and the launchers' .cfg files
 * @param runtimeHome the bundled runtime (java.home of the launchers' JVM)
 * @param executableSuffix  ".exe" on Windows
 * @param postgresPlatform  the part of the embedded PostgreSQL build's name for this platform
 */
record AppImage(Path launchers, Path appDir, Path runtimeHome, String executableSuffix,
                String postgresPlatform) {

    static final String NAME = "pgedge-postgres-mcp-admin";

    static AppImage at(Path imageRoot) {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            Path root = imageRoot.resolve(NAME);
            return new AppImage(root, root.resolve("app"), root.resolve("runtime"), ".exe", "windows");
        }
        if (os.startsWith("mac")) {
            Path contents = imageRoot.resolve(NAME + ".app").resolve("Contents");
            return new AppImage(contents.resolve("MacOS"), contents.resolve("app"),
                    contents.resolve("runtime").resolve("Contents").resolve("Home"), "", "darwin");
        }
        Path root = imageRoot.resolve(NAME);
        Path lib = root.resolve("lib");
        return new AppImage(root.resolve("bin"), lib.resolve("app"), lib.resolve("runtime"), "", "linux");
    }

    Path consoleLauncher() {
        return launchers.resolve(NAME + executableSuffix);
    }

    Path cliLauncher() {
        return launchers.resolve("pgedge-postgres-mcp" + executableSuffix);
    }

    Path launcherConfig(String launcher) {
        return appDir.resolve(launcher + ".cfg");
    }

    Path appJar() {
        return appDir.resolve(NAME + ".jar");
    }

    boolean jarContains(String entry) {
        try (ZipFile jar = new ZipFile(appJar().toFile())) {
            return jar.getEntry(entry) != null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
