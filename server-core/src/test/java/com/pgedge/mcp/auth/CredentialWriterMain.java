package com.pgedge.mcp.auth;

import java.nio.file.Path;
import java.time.Clock;

/**
 * Test-only program run in a separate JVM by {@link CrossProcessWritesTest}: adds tokens to a
 * token file in a loop, through the real {@link AuthService}, so that two processes (or a
 * process that gets killed) exercise the file lock and the atomic write.
 *
 * <p>Arguments: {@code <token file> <label> <count> [<start flag file>]}; a count of 0 means
 * "until killed". Prints {@code READY} once the service is open, then waits for the start flag
 * file to exist (so that two writers begin together), and prints {@code DONE} at the end.
 * Between writes it pauses a millisecond, as real writers do, so the other process gets a turn
 * at the lock.
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
            if (args.length > 3) {
                Path flag = Path.of(args[3]);
                while (!java.nio.file.Files.exists(flag)) {
                    Thread.sleep(5);
                }
            }
            for (int i = 0; count == 0 || i < count; i++) {
                auth.addToken(label + "-" + i, null, null);
                Thread.sleep(1);
            }
        }
        System.out.println("DONE");
    }
}
