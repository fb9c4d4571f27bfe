package com.pgedge.mcp.bench;

import com.pgedge.mcp.auth.AuthService;
import com.pgedge.mcp.auth.AuthSettings;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;

/**
 * Reload and start-up of a big token file, reported as wall time and as the process's CPU time
 * (all threads, GC included). On a machine shared with other work the wall time swings with the
 * load; the CPU time says what the reload itself costs. Complements the JMH
 * {@link TokenFileLoadBenchmark}.
 *
 * <pre>java -Xmx512m -cp benchmarks/target/benchmarks.jar com.pgedge.mcp.bench.TokenFileReloadCpu [tokens] [rounds]</pre>
 */
public final class TokenFileReloadCpu {

    private TokenFileReloadCpu() {
    }

    public static void main(String[] args) throws Exception {
        int tokens = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        Path dir = Files.createTempDirectory("bench-reload-cpu");
        Path file = dir.resolve("tokens.yaml");
        Path[] variants = {dir.resolve("a.yaml"), dir.resolve("b.yaml")};
        TokenFiles.write(variants[0], tokens, 0);
        TokenFiles.write(variants[1], tokens, 1);
        Files.copy(variants[0], file);
        System.out.printf("token file: %d tokens, %.1f MiB%n", tokens, Files.size(file) / 1048576.0);

        long c0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        AuthService auth = AuthService.open(AuthSettings.defaults(file, dir.resolve("users.yaml")));
        System.out.printf("first open (cold JVM): wall %d ms, process CPU %d ms%n",
                (System.nanoTime() - t0) / 1_000_000, (os.getProcessCpuTime() - c0) / 1_000_000);

        long[] wall = new long[rounds];
        long[] cpu = new long[rounds];
        for (int i = 0; i < rounds; i++) {
            Path temp = dir.resolve("next.tmp");
            Files.copy(variants[(i + 1) % 2], temp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            long cs = os.getProcessCpuTime();
            long ts = System.nanoTime();
            auth.reload();
            wall[i] = (System.nanoTime() - ts) / 1_000_000;
            cpu[i] = (os.getProcessCpuTime() - cs) / 1_000_000;
            if (auth.tokens().size() != tokens) {
                throw new IllegalStateException("reload lost tokens");
            }
        }
        auth.close();
        Arrays.sort(wall);
        Arrays.sort(cpu);
        System.out.printf("reload x%d: wall median %d ms (min %d, max %d); process CPU median %d ms (min %d, max %d)%n",
                rounds, wall[rounds / 2], wall[0], wall[rounds - 1], cpu[rounds / 2], cpu[0], cpu[rounds - 1]);
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
