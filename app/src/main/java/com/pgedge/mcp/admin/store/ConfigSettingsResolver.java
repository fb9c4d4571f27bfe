package com.pgedge.mcp.admin.store;

import java.util.List;

import com.pgedge.mcp.auth.AuthException;
import com.pgedge.mcp.auth.AuthSettings;

/**
 * Settings without a configuration file: the SPEC's defaults for the given files. A
 * configuration file is read through the server's configuration loader once that is available.
 */
public final class ConfigSettingsResolver implements SettingsResolver {

    @Override
    public StoreSettings resolve(StoreLocation location) {
        if (location.configFile() != null) {
            throw new AuthException("Reading a configuration file is not supported by this build; "
                    + "open the token file and the user file instead.");
        }
        return new StoreSettings(AuthSettings.defaults(location.tokenFile(), location.userFile()), List.of(), null);
    }
}
