package com.pgedge.mcp.cli;

import com.pgedge.mcp.auth.AuthService;
import com.pgedge.mcp.auth.AuthSettings;
import java.time.Clock;

/** How the admin commands open the auth core; tests may pass a lower bcrypt cost. */
@FunctionalInterface
public interface AuthOpener {

    AuthService open(AuthSettings settings, Clock clock);

    /** The production opener: {@link AuthService#open(AuthSettings, Clock)}, bcrypt cost 12. */
    static AuthOpener standard() {
        return AuthService::open;
    }
}
