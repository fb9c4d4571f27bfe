package com.pgedge.mcp.auth;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Safe writing (SPEC §1.3): modes, backups, the lock, symlinks. */
class CredentialFileWriterTest {

    @TempDir
    Path dir;

    static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    @Test
    void newFilesAre0600AndNewFolders0700() throws Exception {
        Path file = dir.resolve("a/b/tokens.yaml");
        CredentialFileWriter.write(file, "x: 1\n".getBytes(UTF_8), true);
        assertThat(Files.readString(file)).isEqualTo("x: 1\n");
        assertThat(mode(file)).isEqualTo("rw-------");
        assertThat(mode(dir.resolve("a"))).isEqualTo("rwx------");
        assertThat(mode(dir.resolve("a/b"))).isEqualTo("rwx------");
        try (var list = Files.list(file.getParent())) {
            assertThat(list.map(p -> p.getFileName().toString()).toList()).containsExactly("tokens.yaml");
        }
    }

    @Test
    void keepsThreeRotatingBackups() throws Exception {
        Path file = dir.resolve("users.yaml");
        for (int i = 1; i <= 5; i++) {
            CredentialFileWriter.write(file, ("v" + i).getBytes(UTF_8), true);
        }
        assertThat(Files.readString(file)).isEqualTo("v5");
        assertThat(Files.readString(CredentialFileWriter.backupOf(file, 1))).isEqualTo("v4");
        assertThat(Files.readString(CredentialFileWriter.backupOf(file, 2))).isEqualTo("v3");
        assertThat(Files.readString(CredentialFileWriter.backupOf(file, 3))).isEqualTo("v2");
        assertThat(CredentialFileWriter.backupOf(file, 4)).doesNotExist();
        assertThat(mode(CredentialFileWriter.backupOf(file, 1))).isEqualTo("rw-------");
        // Routine bookkeeping writes do not push the admins' versions out.
        CredentialFileWriter.write(file, "v6".getBytes(UTF_8), false);
        assertThat(Files.readString(CredentialFileWriter.backupOf(file, 1))).isEqualTo("v4");
    }

    @Test
    void serviceEditsKeepBackupsButLoginBookkeepingDoesNot() throws Exception {
        try (AuthService auth = AuthTestSupport.open(AuthTestSupport.settings(dir), new MutableClock())) {
            auth.addUser("alice", "pw", "");
            auth.addUser("bob", "pw", "");
            Path backup = CredentialFileWriter.backupOf(auth.userFile(), 1);
            String beforeLogin = Files.readString(backup);
            assertThat(beforeLogin).contains("alice").doesNotContain("bob");
            auth.login("alice", "pw", "10.0.0.1");
            auth.login("alice", "wrong", "10.0.0.1");
            auth.flush();
            assertThat(Files.readString(auth.userFile())).contains("failed_attempts: 1");
            assertThat(Files.readString(backup)).isEqualTo(beforeLogin);
        }
    }

    @Test
    void writingThroughASymlinkKeepsTheLink() throws Exception {
        Path real = Files.createDirectory(dir.resolve("real"));
        Files.writeString(real.resolve("tokens.yaml"), "old");
        Path link = Files.createSymbolicLink(dir.resolve("tokens.yaml"), Paths.get("real/tokens.yaml"));
        CredentialFileWriter.write(link, "new".getBytes(UTF_8), true);
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(real.resolve("tokens.yaml"))).isEqualTo("new");
    }

    @Test
    void aFailedWriteLeavesTheOldFileAndNoTempFile() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("ro"));
        Path file = Files.writeString(folder.resolve("tokens.yaml"), "old");
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("r-x------"));
        try {
            if (Files.isWritable(folder)) {
                return; // running as root: permissions are not enforced, nothing to test here
            }
            assertThatThrownBy(() -> CredentialFileWriter.write(file, "new".getBytes(UTF_8), true))
                    .isInstanceOf(java.io.IOException.class);
            assertThat(Files.readString(file)).isEqualTo("old");
        } finally {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void lockTimesOutWithAClearMessageWhileAnotherHolderKeepsIt() throws Exception {
        Path file = dir.resolve("tokens.yaml");
        try (CredentialFileLock held = CredentialFileLock.acquire(file, Duration.ofSeconds(1))) {
            ExecutorService other = Executors.newSingleThreadExecutor();
            Future<?> attempt = other.submit(() -> CredentialFileLock.acquire(file, Duration.ofMillis(200)).close());
            assertThatThrownBy(attempt::get).hasCauseInstanceOf(AuthException.class)
                    .hasMessageContaining("tokens.yaml.lock");
            other.shutdown();
        }
        CredentialFileLock.acquire(file, Duration.ofMillis(200)).close();
        assertThat(dir.resolve("tokens.yaml.lock")).exists();
    }

    @Test
    void manyThreadsAndTwoServicesInOneJvmLoseNoChange() throws Exception {
        AuthSettings s = AuthTestSupport.settings(dir);
        MutableClock clock = new MutableClock();
        try (AuthService one = AuthTestSupport.open(s, clock); AuthService two = AuthTestSupport.open(s, clock)) {
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<?>> jobs = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                AuthService target = i % 2 == 0 ? one : two;
                int n = i;
                jobs.add(pool.submit(() -> target.addToken("t" + n, null, null)));
            }
            for (Future<?> f : jobs) {
                f.get();
            }
            pool.shutdown();
            assertThat(TokenFile.CODEC.parse(Files.readAllBytes(s.tokenFile())).tokens()).hasSize(200);
            one.reload();
            two.reload();
            assertThat(one.tokens()).hasSize(200);
            assertThat(two.tokens()).hasSize(200);
            assertThat(one.tokens()).extracting(TokenRecord::id).doesNotHaveDuplicates();
        }
    }

    @Test
    void readersNeverWaitForAnEditInProgressOrAnotherProcesssLock() throws Exception {
        AuthSettings s = AuthTestSupport.settings(dir);
        try (AuthService auth = AuthTestSupport.open(s, new MutableClock())) {
            CreatedToken t = auth.addToken("x", null, null);
            // Another process (here: another holder of the OS lock) is editing the token file...
            try (CredentialFileLock held = CredentialFileLock.acquire(s.tokenFile(), Duration.ofSeconds(1))) {
                ExecutorService admin = Executors.newSingleThreadExecutor();
                Future<?> blockedEdit = admin.submit(() -> auth.addToken("waits for the lock", null, null));
                Thread.sleep(100);
                assertThat(blockedEdit.isDone()).isFalse();
                // ...and the edge still answers at once from the snapshot.
                org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(1), () -> {
                    for (int i = 0; i < 1000; i++) {
                        assertThat(auth.checkBearer(t.plaintext(), "10.0.0.1").accepted()).isTrue();
                    }
                });
                held.close();
                blockedEdit.get();
                admin.shutdown();
            }
            assertThat(auth.tokens()).hasSize(2);
        }
    }
}
