package com.pgedge.mcp.auth;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writers in separate JVM processes (SPEC §1.3, checklist 41): the lock file excludes other
 * processes, the atomic rename survives SIGKILL.
 */
class CrossProcessWritesTest {

    @TempDir
    Path dir;

    static Process launch(Path tokenFile, String label, int count, String... extra) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx128m", "-XX:TieredStopAtLevel=1",
                "-Dlogback.configurationFile=none", "-cp", System.getProperty("java.class.path"),
                CredentialWriterMain.class.getName(), tokenFile.toString(), label, Integer.toString(count));
        pb.command().addAll(List.of(extra));
        pb.redirectErrorStream(true);
        return pb.start();
    }

    static void awaitLine(Process p, String wanted, List<String> output) throws Exception {
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), UTF_8));
        String line;
        while ((line = r.readLine()) != null) {
            output.add(line);
            if (line.equals(wanted)) {
                return;
            }
        }
        throw new AssertionError("process ended before printing " + wanted + ": " + output);
    }

    @Test
    void twoProcessesInterleavingHundredsOfChangesLoseNone() throws Exception {
        Path tokens = dir.resolve("tokens.yaml");
        int each = 150;
        Path go = dir.resolve("go");
        Process a = launch(tokens, "A", each, go.toString());
        Process b = launch(tokens, "B", each, go.toString());
        List<String> outA = new ArrayList<>();
        List<String> outB = new ArrayList<>();
        awaitLine(a, "READY", outA);
        awaitLine(b, "READY", outB);
        Files.writeString(go, "go");
        Thread readA = new Thread(() -> drain(a, outA));
        readA.start();
        drain(b, outB);
        readA.join(120_000);
        assertThat(a.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(b.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(a.exitValue()).as(String.join("\n", outA)).isZero();
        assertThat(b.exitValue()).as(String.join("\n", outB)).isZero();

        TokenFile.Content content = TokenFile.CODEC.parse(Files.readAllBytes(tokens));
        Set<String> notes = new HashSet<>();
        content.tokens().values().forEach(e -> notes.add(e.record().annotation()));
        assertThat(content.tokens()).hasSize(2 * each);
        for (int i = 0; i < each; i++) {
            assertThat(notes).contains("A-" + i, "B-" + i);
        }
        // Interleaved, not one after the other: both wrote while the other was running.
        List<String> order = content.tokens().values().stream()
                .sorted(java.util.Comparator.comparing((TokenFile.Entry e) -> e.record().createdAt()))
                .map(e -> e.record().annotation().substring(0, 1)).toList();
        int switches = 0;
        for (int i = 1; i < order.size(); i++) {
            if (!order.get(i).equals(order.get(i - 1))) {
                switches++;
            }
        }
        System.out.println("writer switches in creation order: " + switches);
        assertThat(switches).as("the two processes interleaved").isGreaterThan(1);
    }

    private static void drain(Process p, List<String> out) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                out.add(line);
            }
        } catch (Exception e) {
            out.add(e.toString());
        }
    }

    @Test
    void aWriterKilledMidLoopNeverLeavesATornFile() throws Exception {
        Path tokens = dir.resolve("tokens.yaml");
        int previous = 0;
        for (int round = 0; round < 4; round++) {
            Process p = launch(tokens, "K" + round, 0);
            List<String> out = new ArrayList<>();
            awaitLine(p, "READY", out);
            // Let it write for a while (a different moment each round), then SIGKILL it.
            long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(300 + round * 170L);
            while (System.nanoTime() < until) {
                Thread.sleep(5);
            }
            p.destroyForcibly();
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();

            byte[] bytes = Files.readAllBytes(tokens);
            TokenFile.Content content = TokenFile.CODEC.parse(bytes);
            assertThat(content.tokens().size()).as("round " + round).isGreaterThanOrEqualTo(previous);
            previous = content.tokens().size();
            // And the next writer can carry on from it.
            try (AuthService auth = AuthService.open(AuthSettings.defaults(tokens, dir.resolve("u.yaml")),
                    java.time.Clock.systemUTC(), 4)) {
                assertThat(auth.tokens()).hasSize(previous);
            }
        }
        System.out.println("tokens written across 4 killed writers: " + previous);
        assertThat(previous).as("the writers got some work done").isGreaterThan(4);
    }
}
