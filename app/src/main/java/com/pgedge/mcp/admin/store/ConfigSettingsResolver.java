package com.pgedge.mcp.admin.store;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.pgedge.mcp.auth.AuthSettings;
import com.pgedge.mcp.config.ConfigException;
import com.pgedge.mcp.config.ConfigLoader;
import com.pgedge.mcp.config.ConfigLocations;
import com.pgedge.mcp.config.ConfigOverrides;
import com.pgedge.mcp.config.DatabaseConfig;
import com.pgedge.mcp.config.LoadedConfig;
import com.pgedge.mcp.config.ServerConfig;

/**
 * Settings for a store location. With a configuration file, the server's own configuration
 * loader reads it (the console never parses YAML), with the same environment variables the CLI
 * and the server honour, so all three work on the same files with the same lockout threshold.
 * Token or user files given explicitly win over the configuration's. Without a configuration
 * file: the SPEC's defaults for the given files.
 */
public final class ConfigSettingsResolver implements SettingsResolver {

    private final Map<String, String> env;
    private final Path workingDir;

    public ConfigSettingsResolver() {
        this(System.getenv(), Path.of("").toAbsolutePath());
    }

    public ConfigSettingsResolver(Map<String, String> env, Path workingDir) {
        this.env = Map.copyOf(env);
        this.workingDir = workingDir;
    }

    @Override
    public StoreSettings resolve(StoreLocation location) {
        if (location.configFile() == null) {
            return new StoreSettings(AuthSettings.defaults(location.tokenFile(), location.userFile()), List.of(), null);
        }
        ConfigOverrides.Builder flags = ConfigOverrides.builder().configFile(location.configFile().toString());
        if (location.tokenFile() != null) {
            flags.tokenFile(location.tokenFile().toString());
        }
        if (location.userFile() != null) {
            flags.userFile(location.userFile().toString());
        }
        ConfigLoader loader = new ConfigLoader(env, new ConfigLocations(workingDir, null, null));
        ServerConfig config;
        try {
            // The full configuration also gives the databases (for binding tokens, the Server screen).
            config = loader.load(flags.build(), ConfigLoader.Purpose.SERVER).config();
        } catch (ConfigException serverProblem) {
            // A database or TLS setting that cannot serve must not stop user and token admin.
            LoadedConfig admin = loader.load(flags.build(), ConfigLoader.Purpose.ADMIN);
            config = admin.config();
        }
        List<String> databases = config.databases().stream().map(DatabaseConfig::name).toList();
        return new StoreSettings(config.http().auth().toAuthSettings(), databases, config);
    }
}
