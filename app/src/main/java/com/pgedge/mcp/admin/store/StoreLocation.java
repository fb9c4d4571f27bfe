package com.pgedge.mcp.admin.store;

import java.nio.file.Path;

/**
 * Which credential files the console administers: a token file, a user file and, optionally,
 * the server configuration (for the lockout threshold, the database list and, when the token or
 * user file is not given, their paths).
 *
 * @param tokenFile  the token file; may be {@code null} only with a config file (then the config's)
 * @param userFile   the user file; may be {@code null} only with a config file (then the config's)
 * @param configFile the server configuration, or {@code null}
 */
public record StoreLocation(Path tokenFile, Path userFile, Path configFile) {

    public StoreLocation {
        if (configFile == null && (tokenFile == null || userFile == null)) {
            throw new IllegalArgumentException("Give the token file and the user file, or a configuration file.");
        }
        tokenFile = tokenFile == null ? null : tokenFile.toAbsolutePath().normalize();
        userFile = userFile == null ? null : userFile.toAbsolutePath().normalize();
        configFile = configFile == null ? null : configFile.toAbsolutePath().normalize();
    }

    /** Default file names inside one folder (the per-user data folder on first start). */
    public static StoreLocation inFolder(Path folder) {
        return new StoreLocation(folder.resolve("pgedge-postgres-mcp-tokens.yaml"),
                folder.resolve("pgedge-postgres-mcp-users.yaml"), null);
    }

    /** Short text for menus and the status bar: the folder and the file names. */
    public String label() {
        if (tokenFile == null || userFile == null) {
            return configFile.toString();
        }
        Path folder = userFile.getParent();
        String text;
        if (folder != null && folder.equals(tokenFile.getParent())) {
            text = folder + " : " + tokenFile.getFileName() + ", " + userFile.getFileName();
        } else {
            text = tokenFile + ", " + userFile;
        }
        return configFile == null ? text : text + " (+ " + configFile.getFileName() + ")";
    }
}
