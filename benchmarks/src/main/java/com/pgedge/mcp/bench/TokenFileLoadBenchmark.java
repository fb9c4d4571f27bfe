package com.pgedge.mcp.bench;

import com.pgedge.mcp.auth.AuthService;
import com.pgedge.mcp.auth.AuthSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Loading a big token file (SPEC §9: reload of 100 000 tokens <= 500 ms, start-up <= 2 s).
 * {@code reload}: the file is replaced by a version that differs in one annotation (outside the
 * measured time), then {@link AuthService#reload()} reads, parses, indexes and swaps it.
 * {@code open}: a fresh {@link AuthService} on the file, as at server start-up.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgs = {"-Xmx512m"})
public class TokenFileLoadBenchmark {

    @Param({"100000"})
    public int tokens;

    private Path dir;
    private Path tokenFile;
    private Path[] variants;
    private int next;
    private AuthService auth;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        dir = Files.createTempDirectory("bench-load");
        tokenFile = dir.resolve("tokens.yaml");
        variants = new Path[] {dir.resolve("a.yaml"), dir.resolve("b.yaml")};
        TokenFiles.write(variants[0], tokens, 0);
        TokenFiles.write(variants[1], tokens, 1);
        Files.copy(variants[0], tokenFile);
        auth = AuthService.open(AuthSettings.defaults(tokenFile, dir.resolve("users.yaml")));
    }

    @Setup(Level.Invocation)
    public void swapFile() throws IOException {
        next = 1 - next;
        Path temp = dir.resolve("next.tmp");
        Files.copy(variants[next], temp, StandardCopyOption.REPLACE_EXISTING);
        Files.move(temp, tokenFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        auth.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Benchmark
    public int reload() {
        auth.reload();
        return auth.tokens().size();
    }

    @Benchmark
    public int open() {
        try (AuthService fresh = AuthService.open(AuthSettings.defaults(tokenFile, dir.resolve("users.yaml")))) {
            return fresh.tokens().size();
        }
    }
}
