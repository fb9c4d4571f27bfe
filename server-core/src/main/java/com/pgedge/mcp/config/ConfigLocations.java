package com.pgedge.mcp.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Where the loader looks for things it is not told about explicitly.
 *
 * <p>The configuration file, when {@code -config} is not given, is the first regular file named
 * {@value ConfigLoader#CONFIG_FILE_NAME} found in: the launcher's folder (the folder of the
 * installed {@code pgedge-postgres-mcp} launcher, or of the jar), then the current folder, then
 * the system folder ({@code /etc/pgedge} on Linux and macOS). No file found means defaults.
 *
 * <p>Default credential files (and the TLS defaults) live in the <em>home folder</em>: the
 * configuration file's folder when one was loaded, otherwise the per-user data folder
 * ({@link UserDataFolder}), which the console uses too. <strong>Deviation:</strong> the reference
 * keeps them beside its binary, which for an installed package is a folder only root can write
 * (and for a build, a folder {@code mvn clean} deletes). Without a data folder (tests) the
 * launcher's folder, then the current folder, are used.
 *
 * @param workingDir  the current folder: relative paths from flags and the environment resolve here
 * @param launcherDir the launcher's folder, or {@code null} when not running from a jar or launcher
 * @param systemDir   the system-wide folder, or {@code null} for none
 * @param dataDir     the per-user data folder, or {@code null} for none
 */
public record ConfigLocations(Path workingDir, Path launcherDir, Path systemDir, Path dataDir) {

    public ConfigLocations {
        Objects.requireNonNull(workingDir, "workingDir");
        workingDir = workingDir.toAbsolutePath().normalize();
        launcherDir = launcherDir == null ? null : launcherDir.toAbsolutePath().normalize();
        systemDir = systemDir == null ? null : systemDir.toAbsolutePath().normalize();
        dataDir = dataDir == null ? null : dataDir.toAbsolutePath().normalize();
    }

    /** Locations without a per-user data folder: defaults go beside the launcher. */
    public ConfigLocations(Path workingDir, Path launcherDir, Path systemDir) {
        this(workingDir, launcherDir, systemDir, null);
    }

    /** The real locations of this process, with {@code /etc/pgedge} as the system folder off Windows. */
    public static ConfigLocations of(Path workingDir, Path launcherDir) {
        boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
        return new ConfigLocations(workingDir, launcherDir, windows ? null : Path.of("/etc/pgedge"),
                UserDataFolder.resolve());
    }

    /** The folders searched for the configuration file, in order, without repeats. */
    public List<Path> searchFolders() {
        List<Path> folders = new ArrayList<>();
        for (Path p : new Path[] {launcherDir, workingDir, systemDir}) {
            if (p != null && !folders.contains(p)) {
                folders.add(p);
            }
        }
        return folders;
    }

    /** Where default files go when no configuration file was loaded. */
    public Path defaultHome() {
        if (dataDir != null) {
            return dataDir;
        }
        return launcherDir != null ? launcherDir : workingDir;
    }
}
