package com.pgedge.mcp.admin.tools;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import com.pgedge.mcp.admin.store.StoreLocation;
import com.pgedge.mcp.auth.AuthService;
import com.pgedge.mcp.auth.AuthSettings;

/** Realistic sample credentials for screenshots and demos: written through the real core. */
public final class SampleData {

    private SampleData() {
    }

    public static void write(StoreLocation where, Instant now) {
        AuthSettings settings = AuthSettings.defaults(where.tokenFile(), where.userFile()).withLockout(5);
        // Created over the past weeks: move a fixed clock for each step.
        try (AuthService past = AuthService.open(settings, Clock.fixed(now.minus(Duration.ofDays(40)), ZoneOffset.UTC), 4)) {
            past.addUser("alice", "alice-Sample-pass-1", "Alice Smith - Developer");
            past.addUser("bob", "bob-Sample-pass-1", "Bob Jones - On-call SRE");
            past.addToken("Production API", Duration.ofDays(365), "production");
            past.addToken("Nightly ETL job", Duration.ofDays(7), "analytics");
        }
        try (AuthService recent = AuthService.open(settings, Clock.fixed(now.minus(Duration.ofDays(12)), ZoneOffset.UTC), 4)) {
            recent.addUser("carol", "carol-Sample-pass-1", "Carol White - DBA");
            recent.addUser("dave", "dave-Sample-pass-1", "Dave Brown - contractor (ended)");
            recent.addUser("erin", "erin-Sample-pass-1", "Erin Green - Data science");
            recent.addToken("Grafana dashboards", Duration.ofDays(90), "analytics");
            recent.addToken("Claude Desktop - laptop", null, null);
            recent.disableUser("dave");
        }
        try (AuthService today = AuthService.open(settings, Clock.fixed(now.minus(Duration.ofHours(3)), ZoneOffset.UTC), 4)) {
            today.login("alice", "alice-Sample-pass-1", "10.0.4.21");
            today.login("carol", "carol-Sample-pass-1", "10.0.4.33");
            today.addToken("CI pipeline (GitHub Actions)", Duration.ofDays(3), "staging");
            for (int i = 0; i < 5; i++) {
                today.login("bob", "guess-" + i, "203.0.113." + (40 + i));
            }
        }
    }
}
