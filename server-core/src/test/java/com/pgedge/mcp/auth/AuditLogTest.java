package com.pgedge.mcp.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Auth events and the JSON-lines audit file (SPEC §8, checklist 20). */
class AuditLogTest {

    @TempDir
    Path dir;

    MutableClock clock = new MutableClock();

    @Test
    void everyKindOfEventIsAuditedBesideTheUserFileWithoutSecrets() throws Exception {
        List<AuthEvent> heard = new CopyOnWriteArrayList<>();
        List<String> secrets = new ArrayList<>();
        Path auditFile;
        try (LogCapture log = new LogCapture();
             AuthService auth = AuthTestSupport.open(AuthTestSupport.settings(dir, 2, 5), clock)) {
            auth.addListener(heard::add);
            auditFile = auth.auditFile();
            assertThat(auditFile).isEqualTo(dir.resolve(AuthSettings.DEFAULT_AUDIT_FILE));

            CreatedToken token = auth.addToken("ci", null, null);
            secrets.add(token.plaintext());
            secrets.add(token.record().hash());
            UserRecord alice = auth.addUser("alice", "S3cret-Password!", "");
            secrets.add("S3cret-Password!");
            secrets.add(alice.passwordHash());
            LoginResult ok = auth.login("alice", "S3cret-Password!", "10.1.1.1");
            secrets.add(ok.sessionToken());
            secrets.add(TokenSecrets.sha256Hex(ok.sessionToken()));
            auth.checkBearer(token.plaintext(), "10.1.1.1");
            auth.checkBearer(ok.sessionToken(), "10.1.1.1");
            auth.login("nobody", "Guess-1", "10.1.1.2");
            secrets.add("Guess-1");
            auth.login("alice", "Guess-2", "10.1.1.2");
            auth.login("alice", "Guess-3", "10.1.1.2");
            secrets.add(auth.user("alice").orElseThrow().passwordHash());
            auth.enableUser("alice");
            auth.checkBearer("bogus-token-value", "10.1.1.3");
            for (int i = 0; i < 6; i++) {
                auth.checkBearer("bogus-token-value", "10.1.1.4");
            }
            auth.removeToken(token.record().id());
            auth.disableUser("alice");
            auth.deleteUser("alice");
            auth.clearAddress("10.1.1.4");
            auth.flush();

            for (String line : log.lines()) {
                for (String secret : secrets) {
                    assertThat(line).as("log line").doesNotContain(secret);
                }
            }
        }
        String audit = Files.readString(auditFile);
        for (String secret : secrets) {
            assertThat(audit).doesNotContain(secret);
        }
        assertThat(audit).doesNotContain("bogus-token-value");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(auditFile))).isEqualTo("rw-------");

        List<AuthEvent> read = AuditLogReader.readAll(auditFile);
        assertThat(read).isEqualTo(heard);
        assertThat(read).extracting(AuthEvent::type).contains(AuthEventType.TOKEN_ADDED, AuthEventType.USER_ADDED,
                AuthEventType.LOGIN_SUCCEEDED, AuthEventType.LOGIN_FAILED, AuthEventType.ACCOUNT_LOCKED,
                AuthEventType.ACCOUNT_UNLOCKED, AuthEventType.USER_ENABLED, AuthEventType.TOKEN_REJECTED,
                AuthEventType.RATE_LIMITED, AuthEventType.TOKEN_REMOVED, AuthEventType.USER_DISABLED,
                AuthEventType.SESSION_ENDED, AuthEventType.USER_REMOVED, AuthEventType.ADDRESS_CLEARED);
        AuthEvent unknownUser = read.stream().filter(e -> e.type() == AuthEventType.LOGIN_FAILED
                && "nobody".equals(e.username())).findFirst().orElseThrow();
        assertThat(unknownUser.reason()).isEqualTo("unknown user");
        assertThat(unknownUser.address()).isEqualTo("10.1.1.2");
        assertThat(unknownUser.time()).isEqualTo(clock.instant());
        assertThat(read.stream().filter(e -> e.type() == AuthEventType.LOGIN_FAILED && "alice".equals(e.username())))
                .extracting(AuthEvent::reason).containsExactly("wrong password", "wrong password");
    }

    @Test
    void linesRoundTripAndForeignOrTornLinesAreSkipped() throws Exception {
        AuthEvent e = new AuthEvent(Instant.parse("2025-01-01T00:00:00Z"), AuthEventType.LOGIN_FAILED, "a\"b\nc",
                "::1", null, "wrong password");
        String line = AuditLogReader.formatLine(e);
        assertThat(line).doesNotContain("\n").doesNotContain("subject");
        assertThat(AuditLogReader.parseLine(line)).isEqualTo(e);
        Path file = dir.resolve("audit.jsonl");
        Files.writeString(file, line + "\nnot json\n{\"time\":\"x\",\"type\":\"LOGIN_FAILED\"}\n"
                + "{\"time\":\"2025-01-01T00:00:00Z\",\"type\":\"NO_SUCH\"}\n" + line + "\n{\"time\":\"2025-01-0");
        AuditLogReader.Batch b = AuditLogReader.readFrom(file, 0);
        assertThat(b.events()).containsExactly(e, e);
        assertThat(b.skipped()).isEqualTo(3);
        assertThat(b.nextOffset()).as("the torn last line waits").isLessThan(Files.size(file));
        Files.writeString(file, "1T00:00:00Z\",\"type\":\"RELOADED\"}\n", StandardOpenOption.APPEND);
        AuditLogReader.Batch next = AuditLogReader.readFrom(file, b.nextOffset());
        assertThat(next.events()).extracting(AuthEvent::type).containsExactly(AuthEventType.RELOADED);
        assertThat(AuditLogReader.readFrom(dir.resolve("absent.jsonl"), 0).events()).isEmpty();
    }

    @Test
    void tailFollowsAnotherWritersAppendsAndSurvivesTruncation() throws Exception {
        Path file = dir.resolve("audit.jsonl");
        AuthEvent old = new AuthEvent(Instant.parse("2025-01-01T00:00:00Z"), AuthEventType.RELOADED, null, null, "f", null);
        Files.writeString(file, AuditLogReader.formatLine(old) + "\n");
        List<AuthEvent> seen = new CopyOnWriteArrayList<>();
        try (Subscription tail = AuditLogReader.tail(file, Duration.ofMillis(20), false, seen::add);
             AuthService auth = AuthTestSupport.open(AuthTestSupport.settings(dir).withAuditFile(file), clock)) {
            auth.addToken("x", null, null);
            await().atMost(Duration.ofSeconds(5)).until(() -> seen.size() == 1);
            assertThat(seen.get(0).type()).isEqualTo(AuthEventType.TOKEN_ADDED);
            auth.flush();
            Files.writeString(file, "");
            auth.addUser("bob", "pw", "");
            await().atMost(Duration.ofSeconds(5)).until(() -> seen.size() == 2);
            assertThat(seen.get(1).type()).isEqualTo(AuthEventType.USER_ADDED);
        }
        List<AuthEvent> fromStart = new CopyOnWriteArrayList<>();
        try (Subscription tail = AuditLogReader.tail(file, Duration.ofMillis(20), true, fromStart::add)) {
            await().atMost(Duration.ofSeconds(5)).until(() -> fromStart.size() == 1);
        }
    }

    @Test
    void aListenerThatThrowsDoesNotBreakTheCaller() {
        try (AuthService auth = AuthTestSupport.open(AuthTestSupport.settings(dir), clock)) {
            List<AuthEvent> second = new ArrayList<>();
            Subscription bad = auth.addListener(e -> {
                throw new IllegalStateException("listener bug");
            });
            auth.addListener(second::add);
            CreatedToken t = auth.addToken("x", null, null);
            assertThat(auth.checkBearer(t.plaintext(), "1.1.1.1").accepted()).isTrue();
            assertThat(second).hasSize(1);
            bad.close();
            auth.removeToken(t.record().id());
            assertThat(second).hasSize(2);
        }
    }
}
