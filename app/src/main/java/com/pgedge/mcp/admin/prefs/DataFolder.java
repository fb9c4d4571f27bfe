package com.pgedge.mcp.admin.prefs;

import com.pgedge.mcp.config.UserDataFolder;
import java.nio.file.Path;
import java.util.Map;

/**
 * The per-user folder where the console keeps its preferences and, on first start, fresh
 * credential files: the same folder the CLI and the server use by default
 * ({@link UserDataFolder}), so a token made with {@code pgedge-postgres-mcp -add-token} shows up
 * here without any configuration. The system property {@value #OVERRIDE_PROPERTY} overrides it
 * for the console alone (portable installs, screenshots, tests).
 */
public final class DataFolder {

    public static final String OVERRIDE_PROPERTY = "pgedge.console.data-dir";

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
        return UserDataFolder.resolve(System.getProperty(UserDataFolder.OVERRIDE_PROPERTY), env, osName, home);
    }
}
