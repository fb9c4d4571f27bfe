package com.pgedge.mcp.auth;

import java.nio.file.Path;
import java.time.Clock;

/**
 * Test-only program run in a separate JVM by {@link CrossProcessWritesTest}: adds tokens to a
 * token file in a loop, through the real {@link AuthService}, so that two processes (or a
 * process that gets killed) exercise the file lock and the atomic write.
 *
 * <p>Arguments: {@code <token file> <label> <count>}; a count of 0 means "until killed".
 * Prints {@code READY} once the service is open and {@code DONE} at the end.
 */
public final class CredentialWriterMain {

    private CredentialWriterMain() {
    }

    public static void main(String[] args) throws Exception {
        Path tokenFile = Path.of(args[0]);
        String label = args[1];
        int count = Integer.parseInt(args[2]);
        AuthSettings settings = AuthSettings.defaults(tokenFile, tokenFile.resolveSibling("users-" + label + ".yaml"));
        try (AuthService auth = AuthService.open(settings, Clock.systemUTC(), 4)) {
            System.out.println("READY");
            System.out.flush();
            for (int i = 0; count == 0 || i < count; i++) {
                auth.addToken(label + "-" + i, null, null);
            }
        }
        System.out.println("DONE");
    }
}
