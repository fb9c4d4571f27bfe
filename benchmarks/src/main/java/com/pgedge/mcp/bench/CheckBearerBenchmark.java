package com.pgedge.mcp.bench;

import com.pgedge.mcp.auth.AuthService;
import com.pgedge.mcp.auth.AuthSettings;
import com.pgedge.mcp.auth.BearerResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * The per-request token check (SPEC §2, §9): SHA-256 of the presented token and one hash-map
 * lookup, so the cost must not grow with the number of tokens in the file.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgs = {"-Xmx512m"})
public class CheckBearerBenchmark {

    @Param({"10", "100000"})
    public int tokens;

    private Path dir;
    private AuthService auth;
    private String valid;
    private String last;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        dir = Files.createTempDirectory("bench-bearer");
        Path tokenFile = dir.resolve("tokens.yaml");
        TokenFiles.write(tokenFile, tokens, 0);
        auth = AuthService.open(AuthSettings.defaults(tokenFile, dir.resolve("users.yaml")));
        valid = TokenFiles.token(tokens / 2);
        last = TokenFiles.token(tokens - 1);
        if (!auth.checkBearer(valid, "127.0.0.1").accepted() || !auth.checkBearer(last, "127.0.0.1").accepted()) {
            throw new IllegalStateException("benchmark tokens not accepted");
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        auth.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Benchmark
    public BearerResult validApiToken() {
        return auth.checkBearer(valid, "127.0.0.1");
    }

    @Benchmark
    public BearerResult validApiTokenAtTheEnd() {
        return auth.checkBearer(last, "127.0.0.1");
    }
}
