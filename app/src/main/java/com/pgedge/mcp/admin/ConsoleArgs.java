package com.pgedge.mcp.admin;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

import com.pgedge.mcp.admin.store.StoreLocation;

/**
 * Command-line arguments: {@code --token-file}, {@code --user-file}, {@code --config}, each as
 * {@code --name value} or {@code --name=value}, one or two dashes (like the server's flags).
 *
 * @param location the files to open, or {@code null} to use the recent list or the data folder
 */
public record ConsoleArgs(StoreLocation location, Path tokenFile, Path userFile, Path configFile) {

    public static final String USAGE = "Usage: pgedge-postgres-mcp-admin [--token-file FILE] [--user-file FILE] [--config FILE]";

    public static ConsoleArgs parse(String[] args, Path defaultFolder) {
        Path tokens = null;
        Path users = null;
        Path config = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("-")) {
                throw new IllegalArgumentException("Unexpected argument '" + a + "'. " + USAGE);
            }
            String name = a.replaceFirst("^--?", "");
            String value = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (!name.equals("token-file") && !name.equals("user-file") && !name.equals("config")) {
                throw new IllegalArgumentException("Unknown option '" + a + "'. " + USAGE);
            }
            if (value == null) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("Option --" + name + " needs a file. " + USAGE);
                }
                value = args[++i];
            }
            Path p;
            try {
                p = Path.of(value);
            } catch (InvalidPathException e) {
                throw new IllegalArgumentException("Not a usable path for --" + name + ": " + value, e);
            }
            switch (name) {
                case "token-file" -> tokens = p;
                case "user-file" -> users = p;
                default -> config = p;
            }
        }
        StoreLocation location = null;
        if (config != null) {
            // Files not given come from the configuration (or its defaults beside it).
            location = new StoreLocation(tokens, users, config);
        } else if (tokens != null || users != null) {
            StoreLocation defaults = StoreLocation.inFolder(defaultFolder);
            location = new StoreLocation(tokens != null ? tokens : defaults.tokenFile(),
                    users != null ? users : defaults.userFile(), null);
        }
        return new ConsoleArgs(location, tokens, users, config);
    }
}
