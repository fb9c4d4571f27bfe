package com.pgedge.mcp.config;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * The per-user folder shared by the console, the CLI and the server when nothing else is
 * configured: fresh credential files, the audit log, the console's preferences and the
 * development database all live here, so the console and a server started from a terminal see
 * the same accounts without any configuration.
 *
 * <ul>
 *   <li>Linux and other Unix: {@code $XDG_DATA_HOME/pgedge-postgres-mcp}, default
 *       {@code ~/.local/share/pgedge-postgres-mcp}</li>
 *   <li>macOS: {@code ~/Library/Application Support/pgedge-postgres-mcp}</li>
 *   <li>Windows: {@code %LOCALAPPDATA%\pgedge-postgres-mcp} (not the roaming profile: it also
 *       holds a database)</li>
 * </ul>
 * The system property {@value #OVERRIDE_PROPERTY} overrides it (portable installs, tests).
 */
public final class UserDataFolder {

    public static final String OVERRIDE_PROPERTY = "pgedge.data-dir";
    static final String NAME = "pgedge-postgres-mcp";

    private UserDataFolder() {
    }

    /** The folder for this process's user (it may not exist yet). */
    public static Path resolve() {
        return resolve(System.getProperty(OVERRIDE_PROPERTY), System.getenv(),
                System.getProperty("os.name", ""), System.getProperty("user.home", "."));
    }

    /** The same rules on explicit inputs, for tests and for callers with their own environment. */
    public static Path resolve(String override, Map<String, String> env, String osName, String home) {
        if (override != null && !override.isBlank()) {
            return Path.of(override).toAbsolutePath();
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String local = env.get("LOCALAPPDATA");
            return local != null && !local.isBlank() ? Path.of(local, NAME) : Path.of(home, "AppData", "Local", NAME);
        }
        if (os.contains("mac")) {
            return Path.of(home, "Library", "Application Support", NAME);
        }
        // XDG says a relative XDG_DATA_HOME is invalid and must be ignored.
        String xdg = env.get("XDG_DATA_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, NAME);
        }
        return Path.of(home, ".local", "share", NAME);
    }
}
