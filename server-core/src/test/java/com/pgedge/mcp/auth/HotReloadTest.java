package com.pgedge.mcp.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hot reload through the facade (SPEC §1.4, checklist 37-38). */
class HotReloadTest {

    static final Duration QUIET = Duration.ofMillis(400);
    static final Duration WITHIN = Duration.ofSeconds(5);

    static final String TOKEN_A = "test-token";
    static final String TOKEN_B = "UojQKv-v4hvLJcAHdRc0iLfpFeLEUHGPK_vmv-izzTM=";

    @TempDir
    Path dir;

    MutableClock clock = new MutableClock();
    LogCapture log;
    AuthService auth;
    List<AuthEvent> events = new CopyOnWriteArrayList<>();

    @BeforeEach
    void capture() {
        log = new LogCapture();
    }

    @AfterEach
    void close() {
        if (auth != null) {
            auth.close();
        }
        log.close();
    }

    static String tokenFileWith(String... plaintexts) {
        StringBuilder sb = new StringBuilder("tokens:\n");
        int i = 1;
        for (String p : plaintexts) {
            sb.append("    token-").append(i++).append(":\n        hash: ").append(TokenSecrets.sha256Hex(p))
                    .append("\n        expires_at: null\n");
        }
        return sb.toString();
    }

    AuthService start(AuthSettings settings) {
        auth = AuthTestSupport.open(settings, clock);
        auth.addListener(events::add);
        auth.start();
        return auth;
    }

    long reloadedLines(Path p) {
        return log.count("[AUTH] Reloaded " + p);
    }

    @Test
    void externalWriteTakesEffectAndIsLogged() throws Exception {
        Path tokens = Files.writeString(dir.resolve("tokens.yaml"), tokenFileWith(TOKEN_A));
        start(AuthTestSupport.settings(dir).withTokenFile(tokens));
        assertThat(auth.checkBearer(TOKEN_B, "127.0.0.1").accepted()).isFalse();
        Files.writeString(tokens, tokenFileWith(TOKEN_A, TOKEN_B));
        await().atMost(WITHIN).until(() -> auth.checkBearer(TOKEN_B, "127.0.0.1").accepted());
        await().atMost(WITHIN).until(() -> reloadedLines(tokens) >= 1);
        assertThat(events).anyMatch(e -> e.type() == AuthEventType.RELOADED && tokens.toString().equals(e.subject()));
    }

    @Test
    void invalidYamlKeepsTheOldDataAndLogsTheReason() throws Exception {
        Path tokens = Files.writeString(dir.resolve("tokens.yaml"), tokenFileWith(TOKEN_A));
        start(AuthTestSupport.settings(dir).withTokenFile(tokens));
        Files.writeString(tokens, "tokens:\n    token-1: [unclosed\n");
        await().atMost(WITHIN).until(() -> log.contains("[AUTH] Failed to reload " + tokens + ": "));
        assertThat(auth.checkBearer(TOKEN_A, "127.0.0.1").accepted()).isTrue();
        assertThat(events).anyMatch(e -> e.type() == AuthEventType.RELOAD_FAILED && e.reason() != null);
        // Fixing the file brings the new content in.
        Files.writeString(tokens, tokenFileWith(TOKEN_B));
        await().atMost(WITHIN).until(() -> auth.checkBearer(TOKEN_B, "127.0.0.1").accepted());
        assertThat(auth.checkBearer(TOKEN_A, "127.0.0.1").accepted()).isFalse();
    }

    @Test
    void deletedFileKeepsTheOldDataWithAWarningAndComesBack() throws Exception {
        Path tokens = Files.writeString(dir.resolve("tokens.yaml"), tokenFileWith(TOKEN_A));
        start(AuthTestSupport.settings(dir).withTokenFile(tokens));
        Files.delete(tokens);
        await().atMost(WITHIN).until(() -> log.contains("was deleted"));
        assertThat(auth.checkBearer(TOKEN_A, "127.0.0.1").accepted()).isTrue();
        Files.writeString(tokens, tokenFileWith(TOKEN_B));
        await().atMost(WITHIN).until(() -> auth.checkBearer(TOKEN_B, "127.0.0.1").accepted());
    }

    @Test
    void ownWritesAndNoOpWritesDoNotReload() throws Exception {
        start(AuthTestSupport.settings(dir));
        Path tokens = auth.tokenFile();
        CreatedToken t = auth.addToken("mine", null, null);
        auth.addUser("alice", "pw", "");
        Thread.sleep(QUIET.toMillis());
        assertThat(reloadedLines(tokens)).isZero();
        assertThat(reloadedLines(auth.userFile())).isZero();
        // Same bytes written again by someone else: nothing to reload.
        byte[] same = Files.readAllBytes(tokens);
        Files.write(tokens, same);
        Files.setLastModifiedTime(tokens, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis()));
        Thread.sleep(QUIET.toMillis());
        assertThat(reloadedLines(tokens)).isZero();
        assertThat(auth.checkBearer(t.plaintext(), "127.0.0.1").accepted()).isTrue();
    }

    @Test
    void replaceByRenameReloads() throws Exception {
        Path tokens = Files.writeString(dir.resolve("tokens.yaml"), tokenFileWith(TOKEN_A));
        start(AuthTestSupport.settings(dir).withTokenFile(tokens));
        Path temp = Files.writeString(dir.resolve(".tokens.yaml.swp"), tokenFileWith(TOKEN_B));
        Files.move(temp, tokens, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        await().atMost(WITHIN).until(() -> auth.checkBearer(TOKEN_B, "127.0.0.1").accepted());
        assertThat(auth.checkBearer(TOKEN_A, "127.0.0.1").accepted()).isFalse();
    }

    @Test
    void truncateAndWriteInPlaceReloads() throws Exception {
        Path tokens = Files.writeString(dir.resolve("tokens.yaml"), tokenFileWith(TOKEN_A));
        start(AuthTestSupport.settings(dir).withTokenFile(tokens));
        try (var ch = java.nio.channels.FileChannel.open(tokens, java.nio.file.StandardOpenOption.WRITE,
                java.nio.file.StandardOpenOption.TRUNCATE_EXISTING)) {
            ch.write(java.nio.ByteBuffer.wrap(tokenFileWith(TOKEN_B).getBytes()));
        }
        await().atMost(WITHIN).until(() -> auth.checkBearer(TOKEN_B, "127.0.0.1").accepted());
    }

    @Test
    void kubernetesStyleSymlinkSwapReloads() throws Exception {
        Path v1 = Files.createDirectory(dir.resolve("..2025_01"));
        Files.writeString(v1.resolve("tokens.yaml"), tokenFileWith(TOKEN_A));
        Path data = Files.createSymbolicLink(dir.resolve("..data"), Paths.get("..2025_01"));
        Path tokens = Files.createSymbolicLink(dir.resolve("tokens.yaml"), Paths.get("..data/tokens.yaml"));
        start(AuthTestSupport.settings(dir).withTokenFile(tokens));
        assertThat(auth.checkBearer(TOKEN_A, "127.0.0.1").accepted()).isTrue();

        Path v2 = Files.createDirectory(dir.resolve("..2025_02"));
        Files.writeString(v2.resolve("tokens.yaml"), tokenFileWith(TOKEN_B));
        Path tmpLink = Files.createSymbolicLink(dir.resolve("..data_tmp"), Paths.get("..2025_02"));
        Files.move(tmpLink, data, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        await().atMost(WITHIN).until(() -> auth.checkBearer(TOKEN_B, "127.0.0.1").accepted());
        assertThat(auth.checkBearer(TOKEN_A, "127.0.0.1").accepted()).isFalse();
    }

    @Test
    void aUserFileMissingAtStartUpIsPickedUpWhenItAppears() throws Exception {
        start(AuthTestSupport.settings(dir));
        assertThat(auth.users()).isEmpty();
        Files.writeString(auth.userFile(), "users:\n    alice:\n        password_hash: "
                + "$2a$12$fZyjmfv0zjzCudJFuNQjkOZMHejxLtzp7yY2h7cM6d15pE3jIR1EG\n        enabled: true\n");
        await().atMost(WITHIN).until(() -> auth.user("alice").isPresent());
        await().atMost(WITHIN).until(() -> reloadedLines(auth.userFile()) >= 1);
    }

    @Test
    void relativePathsReloadLikeAbsoluteOnes() throws Exception {
        Path cwd = Paths.get("").toAbsolutePath();
        Path tokens = Files.writeString(dir.resolve("tokens.yaml"), tokenFileWith(TOKEN_A));
        Path relative = cwd.relativize(tokens);
        assertThat(relative.isAbsolute()).isFalse();
        start(AuthTestSupport.settings(dir).withTokenFile(relative));
        assertThat(auth.tokenFile()).isEqualTo(tokens);
        Files.writeString(tokens, tokenFileWith(TOKEN_B));
        await().atMost(WITHIN).until(() -> auth.checkBearer(TOKEN_B, "127.0.0.1").accepted());
        assertThat(log.contains("[AUTH] Reloaded " + tokens)).isTrue();
    }

    @Test
    void userEditsTakeEffectAndDisablingEndsSessions() throws Exception {
        start(AuthTestSupport.settings(dir));
        auth.addUser("alice", "pw", "");
        String session = auth.login("alice", "pw", "127.0.0.1").sessionToken();
        auth.flush();
        String file = Files.readString(auth.userFile());
        Files.writeString(auth.userFile(), file.replace("enabled: true", "enabled: false"));
        await().atMost(WITHIN).until(() -> !auth.checkBearer(session, "127.0.0.1").accepted());
        assertThat(auth.user("alice").orElseThrow().enabled()).isFalse();
    }

    @Test
    void noReloadAfterClose() throws Exception {
        Path tokens = Files.writeString(dir.resolve("tokens.yaml"), tokenFileWith(TOKEN_A));
        start(AuthTestSupport.settings(dir).withTokenFile(tokens));
        Thread.sleep(200);
        auth.close();
        Files.writeString(tokens, tokenFileWith(TOKEN_B));
        Thread.sleep(QUIET.toMillis());
        assertThat(auth.checkBearer(TOKEN_B, "127.0.0.1").accepted()).isFalse();
        assertThat(reloadedLines(tokens)).isZero();
    }

    @Test
    void looseFilePermissionsAreWarnedAboutLoudly() throws Exception {
        Path tokens = Files.writeString(dir.resolve("tokens.yaml"), tokenFileWith(TOKEN_A));
        Path users = Files.writeString(dir.resolve("users.yaml"), "users: {}\n");
        Files.setPosixFilePermissions(tokens, PosixFilePermissions.fromString("rw-rw-r--"));
        Files.setPosixFilePermissions(users, PosixFilePermissions.fromString("rw----r--"));
        auth = AuthTestSupport.open(AuthSettings.defaults(tokens, users), clock);
        assertThat(log.lines()).anyMatch(l -> l.startsWith("WARN") && l.contains(tokens + " can be changed by other users"));
        assertThat(log.lines()).anyMatch(l -> l.startsWith("WARN") && l.contains(users + " can be read by every user"));
        // Our own rewrite fixes the mode.
        auth.addToken("x", null, null);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tokens))).isEqualTo("rw-------");
    }

    @Test
    void startUpCleanupDropsExpiredTokensFromMemory() throws Exception {
        Path tokens = Files.writeString(dir.resolve("tokens.yaml"), """
                tokens:
                    token-1:
                        hash: %s
                        expires_at: 2020-01-01T00:00:00Z
                    token-2:
                        hash: %s
                        expires_at: null
                """.formatted(TokenSecrets.sha256Hex(TOKEN_A), TokenSecrets.sha256Hex(TOKEN_B)));
        start(AuthTestSupport.settings(dir).withTokenFile(tokens));
        await().atMost(WITHIN).until(() -> log.contains("Removed 1 expired token(s)"));
        assertThat(auth.tokenSnapshot().byHash()).hasSize(1);
        assertThat(auth.tokens()).hasSize(2);
    }

    @Test
    void everyReaderSeesTheWholeOldSetOrTheWholeNewSetDuringReloads() throws Exception {
        Path tokens = dir.resolve("tokens.yaml");
        String[] setA = new String[100];
        String[] setB = new String[100];
        for (int i = 0; i < 100; i++) {
            setA[i] = "a-token-" + i;
            setB[i] = "b-token-" + i;
        }
        String fileA = tokenFileWith(setA);
        String fileB = tokenFileWith(setB);
        Files.writeString(tokens, fileA);
        auth = AuthTestSupport.open(AuthTestSupport.settings(dir).withTokenFile(tokens), clock);
        java.util.Set<String> hashesA = new java.util.HashSet<>();
        java.util.Set<String> hashesB = new java.util.HashSet<>();
        for (int i = 0; i < 100; i++) {
            hashesA.add(TokenSecrets.sha256Hex(setA[i]));
            hashesB.add(TokenSecrets.sha256Hex(setB[i]));
        }
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.atomic.AtomicLong checks = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.atomic.AtomicLong mixed = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.ExecutorService readers = java.util.concurrent.Executors.newFixedThreadPool(8);
        for (int r = 0; r < 8; r++) {
            readers.submit(() -> {
                while (!stop.get()) {
                    java.util.Set<String> seen = auth.tokenSnapshot().byHash().keySet();
                    if (!seen.equals(hashesA) && !seen.equals(hashesB)) {
                        mixed.incrementAndGet();
                    }
                    checks.incrementAndGet();
                }
            });
        }
        for (int i = 0; i < 40; i++) {
            // Replace atomically: a half-written file would be a legitimately different (empty) set.
            Path temp = Files.writeString(dir.resolve("next.tmp"), i % 2 == 0 ? fileB : fileA);
            Files.move(temp, tokens, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            auth.reload();
        }
        stop.set(true);
        readers.shutdown();
        assertThat(readers.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(checks.get()).isGreaterThan(40);
        assertThat(mixed.get()).isZero();
    }
}
