package com.pgedge.mcp.admin.prefs;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import com.pgedge.mcp.admin.store.StoreLocation;

/**
 * What the console remembers between runs: window size, theme and recently opened files.
 * A small properties file in the per-user data folder (readable, easy to delete, and the same
 * on every OS), written atomically. A missing or damaged file just means defaults.
 */
public final class ConsolePreferences {

    public static final String FILE_NAME = "console.properties";
    static final int MAX_RECENT = 8;

    private final Path file;
    private final Properties props = new Properties();

    private ConsolePreferences(Path file) {
        this.file = file;
    }

    public static ConsolePreferences load(Path dataFolder) {
        ConsolePreferences p = new ConsolePreferences(dataFolder.resolve(FILE_NAME));
        if (Files.isRegularFile(p.file)) {
            try (InputStream in = Files.newInputStream(p.file)) {
                p.props.load(in);
            } catch (IOException | IllegalArgumentException e) {
                // Damaged preferences are not worth an error: start from defaults.
                p.props.clear();
            }
        }
        return p;
    }

    public Path file() {
        return file;
    }

    public synchronized WindowBounds window() {
        double w = number("window.width", 1280);
        double h = number("window.height", 800);
        return new WindowBounds(Math.max(640, w), Math.max(480, h), Boolean.parseBoolean(props.getProperty("window.maximized", "false")));
    }

    public synchronized void setWindow(WindowBounds bounds) {
        props.setProperty("window.width", Long.toString(Math.round(bounds.width())));
        props.setProperty("window.height", Long.toString(Math.round(bounds.height())));
        props.setProperty("window.maximized", Boolean.toString(bounds.maximized()));
    }

    public synchronized boolean darkTheme() {
        return Boolean.parseBoolean(props.getProperty("theme.dark", "false"));
    }

    public synchronized void setDarkTheme(boolean dark) {
        props.setProperty("theme.dark", Boolean.toString(dark));
    }

    /** Most recent first. */
    public synchronized List<StoreLocation> recent() {
        List<StoreLocation> out = new ArrayList<>();
        for (int i = 0; i < MAX_RECENT; i++) {
            String tokens = props.getProperty("recent." + i + ".tokens");
            String users = props.getProperty("recent." + i + ".users");
            if (tokens == null || users == null) {
                break;
            }
            String config = props.getProperty("recent." + i + ".config", "");
            try {
                out.add(new StoreLocation(Path.of(tokens), Path.of(users), config.isEmpty() ? null : Path.of(config)));
            } catch (RuntimeException e) {
                // An unusable entry (a path from another OS) is skipped.
            }
        }
        return out;
    }

    /** Puts {@code location} first in the recent list, dropping duplicates and the oldest. */
    public synchronized void addRecent(StoreLocation location) {
        List<StoreLocation> list = recent();
        list.remove(location);
        list.add(0, location);
        for (int i = 0; i < MAX_RECENT; i++) {
            props.remove("recent." + i + ".tokens");
            props.remove("recent." + i + ".users");
            props.remove("recent." + i + ".config");
        }
        for (int i = 0; i < Math.min(MAX_RECENT, list.size()); i++) {
            StoreLocation l = list.get(i);
            props.setProperty("recent." + i + ".tokens", l.tokenFile().toString());
            props.setProperty("recent." + i + ".users", l.userFile().toString());
            if (l.configFile() != null) {
                props.setProperty("recent." + i + ".config", l.configFile().toString());
            }
        }
    }

    /** Writes the file (temp file + rename, so a crash never leaves half a file). */
    public synchronized void save() throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = Files.createTempFile(file.getParent(), FILE_NAME, ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                props.store(out, "pgedge-postgres-mcp-admin preferences");
            }
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private double number(String key, double fallback) {
        try {
            return Double.parseDouble(props.getProperty(key, Double.toString(fallback)));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** The main window's last size. */
    public record WindowBounds(double width, double height, boolean maximized) {
    }
}
