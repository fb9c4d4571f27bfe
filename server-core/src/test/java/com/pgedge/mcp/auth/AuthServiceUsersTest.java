package com.pgedge.mcp.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Users, passwords, sessions, lockout through the facade on real files. */
class AuthServiceUsersTest {

    static final String SPEC_HASH = "$2a$12$fZyjmfv0zjzCudJFuNQjkOZMHejxLtzp7yY2h7cM6d15pE3jIR1EG";
    static final String SPEC_PASSWORD = "SecurePassword123!";

    @TempDir
    Path dir;

    MutableClock clock = new MutableClock();
    List<AuthService> opened = new ArrayList<>();
    List<String> revoked = new CopyOnWriteArrayList<>();
    List<AuthEvent> events = new CopyOnWriteArrayList<>();

    AuthService open(AuthSettings settings) {
        AuthService a = AuthTestSupport.open(settings, clock);
        a.addRevocationListener(revoked::add);
        a.addListener(events::add);
        opened.add(a);
        return a;
    }

    AuthService open() {
        return open(AuthTestSupport.settings(dir));
    }

    @AfterEach
    void closeAll() {
        opened.forEach(AuthService::close);
    }

    void writeUsers(String yaml) throws Exception {
        Files.writeString(AuthTestSupport.settings(dir).userFile(), yaml);
    }

    static String userYaml(String name, String hash, boolean enabled, int failures) {
        return "    " + name + ":\n        username: " + name + "\n        password_hash: " + hash
                + "\n        enabled: " + enabled + "\n        failed_attempts: " + failures + "\n";
    }

    // ---- passwords ------------------------------------------------------------------------

    @Test
    void specVectorAndCost12HashesVerify() throws Exception {
        writeUsers("users:\n" + userYaml("alice", SPEC_HASH, true, 0));
        try (AuthService real = AuthService.open(AuthTestSupport.settings(dir), clock)) {
            assertThat(real.login("alice", SPEC_PASSWORD, "10.0.0.1").succeeded()).isTrue();
            assertThat(real.login("alice", "securepassword123!", "10.0.0.1").reason())
                    .isEqualTo(LoginResult.FailureReason.WRONG_PASSWORD);
            UserRecord bob = real.addUser("bob", "another password", "");
            assertThat(bob.passwordHash()).startsWith("$2a$12$").hasSize(60);
            assertThat(real.login("bob", "another password", "10.0.0.1").succeeded()).isTrue();
        }
    }

    @Test
    void twoBAndTwoYHashesVerify() throws Exception {
        writeUsers("users:\n" + userYaml("b", "$2b$" + SPEC_HASH.substring(4), true, 0)
                + userYaml("y", "$2y$" + SPEC_HASH.substring(4), true, 0));
        AuthService auth = open();
        assertThat(auth.login("b", SPEC_PASSWORD, "10.0.0.1").succeeded()).isTrue();
        assertThat(auth.login("y", SPEC_PASSWORD, "10.0.0.1").succeeded()).isTrue();
        assertThat(auth.login("y", "wrong", "10.0.0.1").succeeded()).isFalse();
        assertThat(auth.usersWithMalformedHash()).isEmpty();
    }

    @Test
    void malformedHashesAreReportedAtLoadAndFailOnlyThatUsersLogin() throws Exception {
        String[] bad = {"\"\"", "plain", "$2a$10$short", "$2a$03$" + SPEC_HASH.substring(7), "$2a$99$" + SPEC_HASH.substring(7),
                "$2x$12$" + SPEC_HASH.substring(7), "$1$abc"};
        StringBuilder yaml = new StringBuilder("users:\n").append(userYaml("good", "$2a$04$" + "a".repeat(53), true, 0));
        for (int i = 0; i < bad.length; i++) {
            yaml.append(userYaml("bad" + i, bad[i], true, 0));
        }
        writeUsers(yaml.toString());
        AuthService auth;
        try (LogCapture log = new LogCapture()) {
            auth = open();
            for (int i = 0; i < bad.length; i++) {
                assertThat(log.contains("User 'bad" + i + "'")).as("bad" + i + " reported").isTrue();
            }
            assertThat(log.lines()).noneMatch(l -> l.contains("$2a$10$short") || l.contains("plain"));
        }
        assertThat(auth.usersWithMalformedHash()).hasSize(bad.length).doesNotContain("good");
        for (int i = 0; i < bad.length; i++) {
            LoginResult r = auth.login("bad" + i, "whatever", "10.0.0." + i);
            assertThat(r.succeeded()).isFalse();
            assertThat(r.clientMessage()).isEqualTo(LoginResult.GENERIC_FAILURE_MESSAGE);
        }
        auth.updateUser("good", "fine password", null);
        assertThat(auth.login("good", "fine password", "10.0.1.1").succeeded()).isTrue();
        auth.updateUser("bad0", "repaired", null);
        assertThat(auth.login("bad0", "repaired", "10.0.1.1").succeeded()).isTrue();
    }

    @Test
    void emptyNullAndOver72BytePasswordsAreRefusedWhenSet() {
        AuthService auth = open();
        assertThatThrownBy(() -> auth.addUser("a", "", "")).isInstanceOf(AuthException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> auth.addUser("a", null, "")).isInstanceOf(AuthException.class);
        String seventyThree = "A".repeat(73);
        assertThatThrownBy(() -> auth.addUser("a", seventyThree, "")).isInstanceOf(AuthException.class)
                .hasMessageContaining("72").hasMessageNotContaining(seventyThree);
        // 37 x two-byte characters = 74 bytes although only 37 characters.
        assertThatThrownBy(() -> auth.addUser("a", "é".repeat(37), "")).isInstanceOf(AuthException.class);
        assertThat(auth.users()).isEmpty();
        auth.addUser("a", "A".repeat(72), "");
        auth.addUser("b", "é".repeat(36), "");
        assertThat(auth.login("a", "A".repeat(72), "10.0.0.1").succeeded()).isTrue();
        assertThatThrownBy(() -> auth.updateUser("a", "A".repeat(72) + "x", null)).isInstanceOf(AuthException.class);
        // bcrypt would have matched A*72+"x" against A*72: the login refuses it instead.
        assertThat(auth.login("a", "A".repeat(72) + "x", "10.0.0.1").succeeded()).isFalse();
        assertThat(AuthService.passwordProblem("A".repeat(73))).contains("72");
        assertThat(AuthService.passwordProblem("ok")).isNull();
    }

    @Test
    void nullOrEmptyLoginInputIsAFailureNotAnException() {
        AuthService auth = open();
        auth.addUser("alice", "pw", "");
        assertThat(auth.login("alice", null, "10.0.0.1").reason()).isEqualTo(LoginResult.FailureReason.INVALID_INPUT);
        assertThat(auth.login("alice", "", "10.0.0.1").reason()).isEqualTo(LoginResult.FailureReason.INVALID_INPUT);
        assertThat(auth.login(null, "pw", "10.0.0.1").reason()).isEqualTo(LoginResult.FailureReason.INVALID_INPUT);
        assertThat(auth.login("   ", "pw", null).reason()).isEqualTo(LoginResult.FailureReason.INVALID_INPUT);
        assertThat(auth.login("x".repeat(10_000), "pw", "10.0.0.1").succeeded()).isFalse();
    }

    @Test
    void passwordsAreNfcNormalised() {
        AuthService auth = open();
        auth.addUser("zoe", "caf\u0065\u0301", "");
        assertThat(auth.login("zoe", "caf\u00e9", "10.0.0.1").succeeded()).isTrue();
        assertThat(auth.login("zoe", "caf\u0065\u0301", "10.0.0.1").succeeded()).isTrue();
        assertThat(auth.login("zoe", "cafe", "10.0.0.1").succeeded()).isFalse();
    }

    // ---- users ----------------------------------------------------------------------------

    @Test
    void addUpdateRemoveEnableDisable() throws Exception {
        AuthService auth = open();
        UserRecord alice = auth.addUser("  alice ", "first", "Alice Smith");
        assertThat(alice.username()).isEqualTo("alice");
        assertThat(alice.enabled()).isTrue();
        assertThat(alice.createdAt()).isEqualTo(clock.instant());
        assertThat(Files.readString(auth.userFile())).contains("alice:", "annotation: Alice Smith", "$2a$04$")
                .doesNotContain("first");
        assertThatThrownBy(() -> auth.addUser("ALICE", "x", "")).isInstanceOf(AuthException.class)
                .hasMessageContaining("already exists");

        auth.updateUser("Alice", "second", null);
        assertThat(auth.user("alice").orElseThrow().annotation()).isEqualTo("Alice Smith");
        assertThat(auth.login("alice", "first", "10.0.0.1").succeeded()).isFalse();
        assertThat(auth.login("alice", "second", "10.0.0.1").succeeded()).isTrue();
        auth.updateUser("alice", null, "Lead");
        assertThat(auth.user("alice").orElseThrow().annotation()).isEqualTo("Lead");
        assertThat(auth.login("alice", "second", "10.0.0.1").succeeded()).isTrue();

        assertThat(auth.disableUser("alice").enabled()).isFalse();
        assertThat(auth.statusOf(auth.user("alice").orElseThrow())).isEqualTo(AccountStatus.DISABLED);
        LoginResult disabled = auth.login("alice", "second", "10.0.0.1");
        assertThat(disabled.reason()).isEqualTo(LoginResult.FailureReason.ACCOUNT_DISABLED);
        assertThat(disabled.clientMessage()).isEqualTo(LoginResult.GENERIC_FAILURE_MESSAGE);
        assertThat(auth.enableUser("alice").enabled()).isTrue();
        assertThat(auth.login("alice", "second", "10.0.0.1").succeeded()).isTrue();

        auth.deleteUser("ALICE");
        assertThat(auth.users()).isEmpty();
        assertThat(auth.login("alice", "second", "10.0.0.1").reason()).isEqualTo(LoginResult.FailureReason.UNKNOWN_USER);
        assertThatThrownBy(() -> auth.deleteUser("alice")).isInstanceOf(AuthException.class).hasMessageContaining("not found");
        assertThatThrownBy(() -> auth.updateUser("nobody", "x", null)).isInstanceOf(AuthException.class);
        assertThatThrownBy(() -> auth.enableUser("nobody")).isInstanceOf(AuthException.class);
        assertThatThrownBy(() -> auth.disableUser("nobody")).isInstanceOf(AuthException.class);
        assertThatThrownBy(() -> auth.addUser(" ", "x", "")).isInstanceOf(AuthException.class);
        assertThatThrownBy(() -> auth.addUser("a\nb", "x", "")).isInstanceOf(AuthException.class);
        assertThat(events).extracting(AuthEvent::type).contains(AuthEventType.USER_ADDED, AuthEventType.USER_UPDATED,
                AuthEventType.USER_DISABLED, AuthEventType.USER_ENABLED, AuthEventType.USER_REMOVED);
    }

    @Test
    void usersAreListedSortedAndLastLoginIsRecorded() {
        AuthService auth = open();
        auth.addUser("carol", "pw", "");
        auth.addUser("alice", "pw", "");
        auth.addUser("bob", "pw", "");
        assertThat(auth.users()).extracting(UserRecord::username).containsExactly("alice", "bob", "carol");
        clock.advance(Duration.ofMinutes(5));
        auth.login("bob", "pw", "10.0.0.1");
        assertThat(auth.user("bob").orElseThrow().lastLogin()).isEqualTo(clock.instant());
        assertThat(auth.user("alice").orElseThrow().lastLogin()).isNull();
    }

    // ---- sessions -------------------------------------------------------------------------

    @Test
    void sessionIsValidFor24HoursExactly() {
        AuthService auth = open();
        auth.addUser("alice", "pw", "");
        LoginResult r = auth.login("alice", "pw", "10.0.0.1");
        assertThat(r.sessionToken()).hasSize(44).matches("[A-Za-z0-9_-]{43}=");
        assertThat(r.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofHours(24)));
        BearerResult b = auth.checkBearer(r.sessionToken(), "10.0.0.2");
        assertThat(b.principal().kind()).isEqualTo(AuthPrincipal.Kind.SESSION);
        assertThat(b.principal().name()).isEqualTo("alice");
        assertThat(auth.activeSessions("ALICE")).isEqualTo(1);
        clock.advance(Duration.ofHours(24).minusSeconds(1));
        assertThat(auth.checkBearer(r.sessionToken(), "10.0.0.2").accepted()).isTrue();
        clock.advance(Duration.ofSeconds(1));
        assertThat(auth.checkBearer(r.sessionToken(), "10.0.0.2").accepted()).isFalse();
        assertThat(revoked).containsExactly(TokenSecrets.sha256Hex(r.sessionToken()));
        assertThat(auth.activeSessions("alice")).isZero();
    }

    @Test
    void sessionsAreNeverWrittenToDisk() throws Exception {
        AuthService auth = open();
        auth.addUser("alice", "pw", "");
        LoginResult r = auth.login("alice", "pw", "10.0.0.1");
        auth.flush();
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                if (Files.isRegularFile(p)) {
                    String content = Files.readString(p);
                    assertThat(content).as(p.toString()).doesNotContain(r.sessionToken())
                            .doesNotContain(TokenSecrets.sha256Hex(r.sessionToken()));
                }
            }
        }
    }

    @Test
    void severalSessionsPerUserWithTheOldestDroppedBeyondTheCap() {
        AuthSettings s = AuthTestSupport.settings(dir);
        AuthService auth = open(new AuthSettings(s.tokenFile(), s.userFile(), null, 0, Duration.ofMinutes(15), 10,
                Duration.ofHours(24), 3));
        auth.addUser("alice", "pw", "");
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            tokens.add(auth.login("alice", "pw", "10.0.0.1").sessionToken());
            clock.advance(Duration.ofSeconds(1));
        }
        assertThat(auth.activeSessions("alice")).isEqualTo(3);
        assertThat(auth.checkBearer(tokens.get(0), "10.0.0.1").accepted()).isFalse();
        for (int i = 1; i < 4; i++) {
            assertThat(auth.checkBearer(tokens.get(i), "10.0.0.1").accepted()).isTrue();
        }
        assertThat(revoked).containsExactly(TokenSecrets.sha256Hex(tokens.get(0)));
    }

    @Test
    void sessionsSurviveReloadAndPasswordChangeButNotDisableOrDelete() throws Exception {
        AuthService auth = open();
        auth.addUser("alice", "pw", "");
        auth.addUser("bob", "pw", "");
        auth.addUser("carol", "pw", "");
        String a = auth.login("alice", "pw", "10.0.0.1").sessionToken();
        String b = auth.login("bob", "pw", "10.0.0.1").sessionToken();
        String c = auth.login("carol", "pw", "10.0.0.1").sessionToken();
        auth.flush();

        auth.updateUser("alice", "new password", null);
        assertThat(auth.checkBearer(a, "10.0.0.1").accepted()).as("password change keeps sessions").isTrue();

        // An external edit (another process) that touches only an annotation: sessions stay.
        String file = Files.readString(auth.userFile());
        Files.writeString(auth.userFile(), file.replace("annotation: \"\"", "annotation: edited"));
        auth.reload();
        assertThat(auth.user("bob").orElseThrow().annotation()).isEqualTo("edited");
        assertThat(auth.checkBearer(a, "10.0.0.1").accepted()).isTrue();
        assertThat(auth.checkBearer(b, "10.0.0.1").accepted()).isTrue();

        auth.disableUser("bob");
        assertThat(auth.checkBearer(b, "10.0.0.1").accepted()).isFalse();
        assertThat(auth.activeSessions("bob")).isZero();
        auth.deleteUser("alice");
        assertThat(auth.checkBearer(a, "10.0.0.1").accepted()).isFalse();
        assertThat(revoked).contains(TokenSecrets.sha256Hex(a), TokenSecrets.sha256Hex(b))
                .doesNotContain(TokenSecrets.sha256Hex(c));

        // Disabling by a file edit ends the session too.
        String now = Files.readString(auth.userFile());
        Files.writeString(auth.userFile(), now.replace("enabled: true", "enabled: false"));
        auth.reload();
        assertThat(auth.checkBearer(c, "10.0.0.1").accepted()).isFalse();
        assertThat(revoked).contains(TokenSecrets.sha256Hex(c));
        assertThat(events).anyMatch(e -> e.type() == AuthEventType.SESSION_ENDED && "carol".equals(e.username()));
    }

    @Test
    void removingAUserByFileEditEndsTheirSessions() throws Exception {
        AuthService auth = open();
        auth.addUser("alice", "pw", "");
        String a = auth.login("alice", "pw", "10.0.0.1").sessionToken();
        auth.flush();
        Files.writeString(auth.userFile(), "users: {}\n");
        auth.reload();
        assertThat(auth.checkBearer(a, "10.0.0.1").accepted()).isFalse();
    }

    @Test
    void adminCanEndSessions() {
        AuthService auth = open();
        auth.addUser("alice", "pw", "");
        String a = auth.login("alice", "pw", "10.0.0.1").sessionToken();
        assertThat(auth.endSessions("alice")).isEqualTo(1);
        assertThat(auth.checkBearer(a, "10.0.0.1").accepted()).isFalse();
    }

    // ---- failures, lockout ----------------------------------------------------------------

    @Test
    void failedAttemptsAreCountedInTheFileAndResetOnSuccess() throws Exception {
        AuthService auth = open(AuthTestSupport.settings(dir, 0, 100));
        auth.addUser("alice", "pw", "");
        for (int i = 0; i < 3; i++) {
            assertThat(auth.login("alice", "wrong", "10.0.0.1").reason()).isEqualTo(LoginResult.FailureReason.WRONG_PASSWORD);
        }
        assertThat(auth.user("alice").orElseThrow().failedAttempts()).isEqualTo(3);
        auth.flush();
        assertThat(Files.readString(auth.userFile())).contains("failed_attempts: 3");
        assertThat(auth.login("alice", "pw", "10.0.0.1").succeeded()).isTrue();
        assertThat(auth.user("alice").orElseThrow().failedAttempts()).isZero();
        auth.flush();
        assertThat(Files.readString(auth.userFile())).contains("failed_attempts: 0");
    }

    @Test
    void noLockoutWhenTheThresholdIsZero() {
        AuthService auth = open(AuthTestSupport.settings(dir, 0, 1000));
        auth.addUser("alice", "pw", "");
        for (int i = 0; i < 20; i++) {
            auth.login("alice", "wrong", "10.0.0.1");
        }
        UserRecord u = auth.user("alice").orElseThrow();
        assertThat(u.enabled()).isTrue();
        assertThat(u.failedAttempts()).isEqualTo(20);
        assertThat(auth.login("alice", "pw", "10.0.0.1").succeeded()).isTrue();
    }

    @Test
    void lockoutAtTheNthFailureIsWrittenAtOnceAndUnlockLetsTheUserIn() throws Exception {
        AuthService auth = open(AuthTestSupport.settings(dir, 3, 100));
        auth.addUser("alice", "pw", "");
        String session = auth.login("alice", "pw", "10.0.0.1").sessionToken();
        auth.login("alice", "wrong", "10.0.0.1");
        auth.login("alice", "wrong", "10.0.0.1");
        assertThat(auth.user("alice").orElseThrow().enabled()).isTrue();
        auth.login("ALICE", "wrong", "10.0.0.2");
        UserRecord locked = auth.user("alice").orElseThrow();
        assertThat(locked.enabled()).isFalse();
        assertThat(auth.statusOf(locked)).isEqualTo(AccountStatus.LOCKED);
        auth.flush();
        assertThat(Files.readString(auth.userFile())).contains("enabled: false", "failed_attempts: 3");
        // Another process reading the file sees the lock too.
        try (AuthService other = AuthTestSupport.open(AuthTestSupport.settings(dir, 3, 100), clock)) {
            assertThat(other.statusOf(other.user("alice").orElseThrow())).isEqualTo(AccountStatus.LOCKED);
        }
        assertThat(auth.checkBearer(session, "10.0.0.1").accepted()).as("lockout ends sessions").isFalse();

        LoginResult right = auth.login("alice", "pw", "10.0.0.1");
        assertThat(right.reason()).isEqualTo(LoginResult.FailureReason.ACCOUNT_LOCKED);
        assertThat(right.clientMessage()).isEqualTo(LoginResult.GENERIC_FAILURE_MESSAGE);
        assertThat(auth.user("alice").orElseThrow().failedAttempts()).as("no counting while locked").isEqualTo(3);

        UserRecord unlocked = auth.enableUser("alice");
        assertThat(unlocked.enabled()).isTrue();
        assertThat(unlocked.failedAttempts()).isZero();
        assertThat(auth.login("alice", "pw", "10.0.0.1").succeeded()).isTrue();
        assertThat(events).extracting(AuthEvent::type).contains(AuthEventType.ACCOUNT_LOCKED, AuthEventType.ACCOUNT_UNLOCKED);
    }

    @Test
    void usernamesDifferingByCaseOrSpacesShareOneFailureCounter() {
        AuthService auth = open(AuthTestSupport.settings(dir, 0, 100));
        auth.addUser("Alice", "pw", "");
        auth.login("alice", "wrong", "10.0.0.1");
        auth.login(" ALICE ", "wrong", "10.0.0.1");
        auth.login("Alice", "wrong", "10.0.0.1");
        assertThat(auth.users()).hasSize(1);
        assertThat(auth.user("alice").orElseThrow().failedAttempts()).isEqualTo(3);
        assertThat(auth.login("aLiCe", "pw", "10.0.0.1").succeeded()).isTrue();
    }

    @Test
    void perAddressLimitRefusesWithoutCheckingCredentialsAndFreesAfterTheWindow() {
        AuthService auth = open(AuthTestSupport.settings(dir, 0, 10));
        auth.addUser("alice", "pw", "");
        for (int i = 0; i < 10; i++) {
            LoginResult r = auth.login(i % 2 == 0 ? "alice" : "nobody" + i, "wrong", "203.0.113.5");
            assertThat(r.status()).isEqualTo(LoginResult.Status.FAILURE);
        }
        LoginResult limited = auth.login("alice", "pw", "203.0.113.5");
        assertThat(limited.status()).isEqualTo(LoginResult.Status.RATE_LIMITED);
        assertThat(limited.clientMessage()).isEqualTo(LoginResult.RATE_LIMITED_MESSAGE)
                .isNotEqualTo(LoginResult.GENERIC_FAILURE_MESSAGE);
        assertThat(limited.retryAfter()).isPositive();
        assertThat(auth.login("alice", "pw", "203.0.113.6").succeeded()).isTrue();
        clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        assertThat(auth.login("alice", "pw", "203.0.113.5").succeeded()).isTrue();
    }

    @Test
    void fiftyParallelWrongLoginsCountFifty() throws Exception {
        AuthService auth = open(AuthTestSupport.settings(dir, 0, 1000));
        auth.addUser("alice", "pw", "");
        ExecutorService pool = Executors.newFixedThreadPool(50);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<LoginResult>> results = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            results.add(pool.submit(() -> {
                start.await();
                return auth.login("alice", "wrong", "198.51.100.1");
            }));
        }
        start.countDown();
        for (Future<LoginResult> f : results) {
            assertThat(f.get().reason()).isEqualTo(LoginResult.FailureReason.WRONG_PASSWORD);
        }
        pool.shutdown();
        auth.flush();
        assertThat(auth.failuresOf("198.51.100.1")).isEqualTo(50);
        assertThat(UserFile.CODEC.parse(Files.readAllBytes(auth.userFile())).find("alice").record().failedAttempts())
                .isEqualTo(50);
        assertThat(auth.user("alice").orElseThrow().failedAttempts()).isEqualTo(50);
    }

    @Test
    void failureMessagesNeverTellWhichCaseItWas() {
        AuthService auth = open(AuthTestSupport.settings(dir, 1, 100));
        auth.addUser("alice", "pw", "");
        auth.addUser("dis", "pw", "");
        auth.disableUser("dis");
        String unknown = auth.login("nobody", "pw", "10.0.0.1").clientMessage();
        String wrong = auth.login("alice", "wrong", "10.0.0.2").clientMessage();
        String locked = auth.login("alice", "pw", "10.0.0.3").clientMessage();
        String disabled = auth.login("dis", "pw", "10.0.0.4").clientMessage();
        assertThat(List.of(unknown, wrong, locked, disabled)).containsOnly(LoginResult.GENERIC_FAILURE_MESSAGE);
    }
}
