package com.pgedge.mcp.config;

import java.util.List;
import java.util.Objects;

/**
 * A loaded configuration and what the loader wants the user to know about it (unknown keys,
 * ignored sections), each warning one line naming the key and the file.
 */
public record LoadedConfig(ServerConfig config, List<String> warnings) {

    public LoadedConfig {
        Objects.requireNonNull(config, "config");
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }
}
