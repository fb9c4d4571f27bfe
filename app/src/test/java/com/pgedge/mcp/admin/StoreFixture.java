package com.pgedge.mcp.admin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.stream.Stream;

import com.pgedge.mcp.admin.store.ConsoleStore;
import com.pgedge.mcp.admin.store.StoreLocation;
import com.pgedge.mcp.admin.store.StoreSettings;
import com.pgedge.mcp.auth.AuthService;
import com.pgedge.mcp.auth.AuthSettings;

/**
 * Real credential files in a temp folder, and a second AuthService on them that plays "the
 * outside world" (the CLI, another server) for seeding and for checking what the console wrote.
 */
public final class StoreFixture implements AutoCloseable {

    /** bcrypt cost for tests: 4 keeps each hash around a millisecond. */
    public static final int TEST_COST = 4;

    public final Path folder;
    public final StoreLocation location;

    public StoreFixture() throws IOException {
        folder = Files.createTempDirectory("console-test");
        location = StoreLocation.inFolder(folder);
    }

    public AuthSettings settings(int lockout) {
        return AuthSettings.defaults(location.tokenFile(), location.userFile()).withLockout(lockout);
    }

    /** A separate service over the same files, like the CLI would open. Close it after use. */
    public AuthService outside(int lockout, Clock clock) {
        return AuthService.open(settings(lockout), clock, TEST_COST);
    }

    /** Settings resolver for the console under test: no config file, defaults for the files. */
    public StoreSettings resolve(StoreLocation l) {
        return new StoreSettings(AuthSettings.defaults(l.tokenFile(), l.userFile()), java.util.List.of(), null);
    }

    public static ConsoleStore.ServiceFactory cheapBcrypt() {
        return (s, c) -> AuthService.open(s, c, TEST_COST);
    }

    /** Seeds a locked account: lockout at 3, three wrong passwords. */
    public static void lock(AuthService outside, String user) {
        for (int i = 0; i < 3; i++) {
            outside.login(user, "wrong password " + i, "192.0.2." + (Math.abs(user.hashCode()) % 200 + 1));
        }
    }

    @Override
    public void close() throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
