package com.pgedge.mcp.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Unknown user vs wrong password (SPEC §3.1, checklist 22): the unknown user is checked against
 * a dummy hash of the same cost, so both take about one bcrypt. This reports the two means and
 * only asserts a generous ratio: speed belongs in benchmarks, and a shared CI machine is noisy.
 */
class NoEnumerationTimingTest {

    @TempDir
    Path dir;

    @Test
    void unknownUserAndWrongPasswordTakeAboutTheSameTime() {
        int cost = 10;
        int rounds = 12;
        AuthSettings settings = AuthTestSupport.settings(dir, 0, 10_000);
        try (AuthService auth = AuthService.open(settings, Clock.systemUTC(), cost)) {
            auth.addUser("alice", "the right password", "");
            // Warm up both paths (JIT, dummy hash, file cache).
            auth.login("nobody", "x", "10.0.0.1");
            auth.login("alice", "x", "10.0.0.1");
            long unknown = 0;
            long wrong = 0;
            for (int i = 0; i < rounds; i++) {
                long t0 = System.nanoTime();
                LoginResult u = auth.login("nobody" + i, "guess" + i, "10.0.0.2");
                long t1 = System.nanoTime();
                LoginResult w = auth.login("alice", "guess" + i, "10.0.0.3");
                long t2 = System.nanoTime();
                assertThat(u.reason()).isEqualTo(LoginResult.FailureReason.UNKNOWN_USER);
                assertThat(w.reason()).isEqualTo(LoginResult.FailureReason.WRONG_PASSWORD);
                assertThat(u.clientMessage()).isEqualTo(w.clientMessage());
                unknown += t1 - t0;
                wrong += t2 - t1;
            }
            double unknownMs = unknown / 1e6 / rounds;
            double wrongMs = wrong / 1e6 / rounds;
            double ratio = wrongMs / unknownMs;
            System.out.printf("bcrypt cost %d: unknown user %.1f ms, wrong password %.1f ms, ratio %.2f%n",
                    cost, unknownMs, wrongMs, ratio);
            assertThat(ratio).as("wrong-password / unknown-user mean time").isBetween(0.5, 2.0);
        }
    }
}
