package com.pgedge.mcp.bench;

import com.pgedge.mcp.auth.AuthService;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes token files of a given size in the product's own layout, for the benchmarks. */
final class TokenFiles {

    private TokenFiles() {
    }

    /** The plaintext of token {@code i} in a generated file. */
    static String token(int i) {
        return "bench-token-" + i;
    }

    /** A token file with {@code count} tokens; {@code variant} changes one annotation so two files differ. */
    static void write(Path file, int count, int variant) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("tokens:\n");
            for (int i = 0; i < count; i++) {
                w.write("    token-" + (1766503601L + i) + ":\n");
                w.write("        annotation: " + (i == 0 ? "variant " + variant : "benchmark token " + i) + "\n");
                w.write("        created_at: 2025-12-23T15:26:41.123456789Z\n");
                w.write("        expires_at: " + (i % 2 == 0 ? "null" : "2030-01-22T15:26:41.123456789Z") + "\n");
                w.write("        hash: " + AuthService.hashToken(token(i)) + "\n");
            }
        }
    }
}
