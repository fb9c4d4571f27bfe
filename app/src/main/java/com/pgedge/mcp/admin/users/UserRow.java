package com.pgedge.mcp.admin.users;

import java.util.Locale;

import com.pgedge.mcp.auth.AccountStatus;
import com.pgedge.mcp.auth.UserRecord;

/** One row of the Users table: the stored record and the status the console shows for it. */
public record UserRow(UserRecord user, AccountStatus status) {

    public String username() {
        return user.username();
    }

    /** "Enabled", "Disabled" or "Locked". */
    public String statusText() {
        String s = status.name().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** Case-insensitive match on username, note or status; a blank query matches everything. */
    public boolean matches(String query) {
        if (query == null || query.isBlank()) {
            return true;
        }
        String q = query.strip().toLowerCase(Locale.ROOT);
        return user.username().toLowerCase(Locale.ROOT).contains(q)
                || user.annotation().toLowerCase(Locale.ROOT).contains(q)
                || statusText().toLowerCase(Locale.ROOT).equals(q);
    }
}
