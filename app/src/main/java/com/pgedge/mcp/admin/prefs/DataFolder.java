package com.pgedge.mcp.admin.prefs;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * The per-user folder where the console keeps its preferences and, on first start, fresh
 * credential files: {@code $XDG_DATA_HOME/pgedge-postgres-mcp} (default
 * {@code ~/.local/share/pgedge-postgres-mcp}) on Linux, {@code %APPDATA%\pgedge-postgres-mcp} on
 * Windows, {@code ~/Library/Application Support/pgedge-postgres-mcp} on macOS. The system property
 * {@code pgedge.console.data-dir} overrides it (portable installs, screenshots, tests).
 */
public final class DataFolder {

    public static final String OVERRIDE_PROPERTY = "pgedge.console.data-dir";
    private static final String NAME = "pgedge-postgres-mcp";

    private DataFolder() {
    }

    public static Path resolve() {
        return resolve(System.getProperties().getProperty(OVERRIDE_PROPERTY), System.getenv(),
                System.getProperty("os.name", ""), System.getProperty("user.home", "."));
    }

    static Path resolve(String override, Map<String, String> env, String osName, String home) {
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String appData = env.get("APPDATA");
            return appData != null && !appData.isBlank() ? Path.of(appData, NAME) : Path.of(home, "AppData", "Roaming", NAME);
        }
        if (os.contains("mac")) {
            return Path.of(home, "Library", "Application Support", NAME);
        }
        String xdg = env.get("XDG_DATA_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, NAME);
        }
        return Path.of(home, ".local", "share", NAME);
    }
}
