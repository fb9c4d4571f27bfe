package com.pgedge.mcp.bench.console;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.control.TableView;
import javafx.stage.Stage;

import com.pgedge.mcp.admin.Console;
import com.pgedge.mcp.admin.store.StoreLocation;
import com.pgedge.mcp.admin.store.StoreSettings;
import com.pgedge.mcp.admin.task.FxTaskRunner;
import com.pgedge.mcp.auth.AuthSettings;

/**
 * How long the console takes to open 10 000 users and 100 000 tokens, and how long one search
 * keystroke takes on the 100 000-token table (filter + layout of the visible rows). Reports the
 * figures; it asserts nothing. Run headless (Monocle) by benchmarks/console-benchmark.sh.
 */
public final class ConsoleOpenBenchmark {

    private static final String HASH = "$2a$12$fZyjmfv0zjzCudJFuNQjkOZMHejxLtzp7yY2h7cM6d15pE3jIR1EG";

    public static void main(String[] args) throws Exception {
        int users = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int tokens = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        Path dir = Files.createTempDirectory("console-bench");
        StoreLocation where = StoreLocation.inFolder(dir);
        writeUsers(where.userFile(), users);
        writeTokens(where.tokenFile(), tokens);
        System.out.printf("files: %d users (%d KiB), %d tokens (%d KiB)%n", users, Files.size(where.userFile()) / 1024,
                tokens, Files.size(where.tokenFile()) / 1024);

        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        long tToolkit = System.nanoTime();
        AtomicReference<Console> console = new AtomicReference<>();
        long[] coreOpen = new long[1];
        com.pgedge.mcp.admin.store.ConsoleStore.ServiceFactory timed = (settings, clock) -> {
            long c0 = System.nanoTime();
            com.pgedge.mcp.auth.AuthService s = com.pgedge.mcp.auth.AuthService.open(settings, clock);
            coreOpen[0] = System.nanoTime() - c0;
            return s;
        };
        Platform.runLater(() -> console.set(Console.start(new Stage(), new Console.Setup(dir.resolve("data"), where,
                Clock.systemUTC(), new FxTaskRunner(),
                l -> new StoreSettings(AuthSettings.defaults(l.tokenFile(), l.userFile()), List.of(), null), timed, false))));
        while (!onFx(() -> console.get() != null && console.get().users().allRows().size() == users
                && console.get().tokens().allRows().size() == tokens)) {
            Thread.sleep(5);
        }
        long tRows = System.nanoTime();
        // Show the biggest table and lay it out: what the person sees first.
        onFx(() -> {
            console.get().window().show("tokens");
            Parent root = console.get().window().root();
            root.applyCss();
            root.layout();
            return null;
        });
        long tShown = System.nanoTime();
        long cpuShown = os.getProcessCpuTime();
        System.out.printf("toolkit start:                 %6d ms%n", ms(t0, tToolkit));
        System.out.printf("files -> rows in the tables:   %6d ms%n", ms(tToolkit, tRows));
        System.out.printf("  of which the core parsing the files (AuthService.open): %d ms%n", coreOpen[0] / 1_000_000);
        System.out.printf("tokens table laid out:         %6d ms%n", ms(tRows, tShown));
        System.out.printf("TOTAL start -> tokens visible: %6d ms%n", ms(t0, tShown));
        // CPU time does not grow when other processes take the cores: the load-independent figure.
        System.out.printf("  process CPU time for that:   %6d ms (all threads, %d cores; load average %.1f)%n",
                (cpuShown - cpu0) / 1_000_000, Runtime.getRuntime().availableProcessors(), os.getSystemLoadAverage());

        // Typing "production" into the token search, one keystroke at a time (each applied, as if
        // typed slower than the view's 120 ms pause), then clearing it.
        List<Long> keystrokes = new ArrayList<>();
        List<Long> filterOnly = new ArrayList<>();
        String query = "production";
        TableView<?> table = onFx(() -> (TableView<?>) console.get().window().root().lookup("#tokensTable"));
        for (int round = 0; round < 3; round++) {
            for (int i = 1; i <= query.length() + 1; i++) {
                String q = i <= query.length() ? query.substring(0, i) : "";
                keystrokes.add(onFx(() -> {
                    long s = System.nanoTime();
                    console.get().tokens().searchProperty().set(q);
                    filterOnly.add(System.nanoTime() - s);
                    table.applyCss();
                    table.layout();
                    return System.nanoTime() - s;
                }));
            }
        }
        Collections.sort(keystrokes);
        Collections.sort(filterOnly);
        System.out.printf("  of which filtering the rows: median %.1f ms, max %.1f ms%n",
                filterOnly.get(filterOnly.size() / 2) / 1e6, filterOnly.get(filterOnly.size() - 1) / 1e6);
        System.out.printf("search keystroke on %d tokens: median %.1f ms, p90 %.1f ms, max %.1f ms (%d keystrokes)%n", tokens,
                keystrokes.get(keystrokes.size() / 2) / 1e6, keystrokes.get(keystrokes.size() * 9 / 10) / 1e6,
                keystrokes.get(keystrokes.size() - 1) / 1e6, keystrokes.size());
        // For comparison: the core alone parsing the same files (warm JVM, so a lower bound).
        for (int i = 0; i < 2; i++) {
            long c0 = System.nanoTime();
            try (com.pgedge.mcp.auth.AuthService core = com.pgedge.mcp.auth.AuthService.open(
                    AuthSettings.defaults(where.tokenFile(), where.userFile()), Clock.systemUTC())) {
                System.out.printf("core AuthService.open alone (warm, run %d): %d ms%n", i + 1, ms(c0, System.nanoTime()));
            }
        }
        Runtime rt = Runtime.getRuntime();
        System.gc();
        System.out.printf("heap used after open: %d MiB%n", (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024));
        onFx(() -> {
            console.get().close();
            return null;
        });
        Platform.exit();
    }

    private static long ms(long from, long to) {
        return TimeUnit.NANOSECONDS.toMillis(to - from);
    }

    private static <T> T onFx(Callable<T> c) throws Exception {
        FutureTask<T> task = new FutureTask<>(c);
        Platform.runLater(task);
        return task.get(120, TimeUnit.SECONDS);
    }

    /** The benchmark writes its input files itself, in the documented format (SPEC §1.2). */
    private static void writeUsers(Path file, int n) throws IOException {
        Instant created = Instant.parse("2025-06-01T10:00:00Z");
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("users:\n");
            for (int i = 0; i < n; i++) {
                String name = String.format("user%05d", i);
                w.write("    " + name + ":\n");
                w.write("        username: " + name + "\n");
                w.write("        password_hash: " + HASH + "\n");
                w.write("        created_at: " + created.plus(i, ChronoUnit.MINUTES) + "\n");
                w.write("        last_login: " + (i % 3 == 0 ? "null" : created.plus(i, ChronoUnit.HOURS).toString()) + "\n");
                w.write("        enabled: " + (i % 50 != 0) + "\n");
                w.write("        annotation: Team " + (i % 40) + " member\n");
                w.write("        failed_attempts: " + (i % 50 == 0 ? 5 : 0) + "\n");
            }
        }
    }

    private static void writeTokens(Path file, int n) throws IOException {
        Random random = new Random(42);
        byte[] hash = new byte[32];
        Instant created = Instant.parse("2025-06-01T10:00:00Z");
        String[] notes = {"production API", "staging job", "analytics dashboard", "CI runner", "laptop"};
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("tokens:\n");
            for (int i = 0; i < n; i++) {
                random.nextBytes(hash);
                w.write("    token-" + (1_750_000_000L + i) + ":\n");
                w.write("        hash: " + HexFormat.of().formatHex(hash) + "\n");
                w.write("        expires_at: " + (i % 10 == 0 ? "null" : created.plus(30 + i % 400, ChronoUnit.DAYS).toString()) + "\n");
                w.write("        annotation: " + notes[i % notes.length] + " " + i + "\n");
                w.write("        created_at: " + created.plus(i, ChronoUnit.SECONDS) + "\n");
                if (i % 4 == 0) {
                    w.write("        database: db" + (i % 7) + "\n");
                }
            }
        }
    }
}
