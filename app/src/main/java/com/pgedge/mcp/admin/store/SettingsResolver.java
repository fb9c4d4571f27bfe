package com.pgedge.mcp.admin.store;

/**
 * Works out the auth settings for a store location: from the configuration file when one is
 * given (through the configuration loader, never by reading YAML here), else defaults.
 */
@FunctionalInterface
public interface SettingsResolver {
    StoreSettings resolve(StoreLocation location);
}
