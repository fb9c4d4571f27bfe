package com.pgedge.mcp.auth;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** API tokens through the facade, on real files (reference cases: generate, hash, add, remove, validate, expire, cleanup, list, save/load). */
class AuthServiceTokensTest {

    @TempDir
    Path dir;

    MutableClock clock = new MutableClock(Instant.parse("2025-12-23T15:26:41.123456789Z"));
    AuthService auth;
    List<String> revoked = new CopyOnWriteArrayList<>();
    List<AuthEvent> events = new CopyOnWriteArrayList<>();

    @BeforeEach
    void open() {
        auth = AuthTestSupport.open(AuthTestSupport.settings(dir), clock);
        auth.addRevocationListener(revoked::add);
        auth.addListener(events::add);
    }

    @AfterEach
    void close() {
        auth.close();
    }

    @Test
    void addedTokenIsAcceptedAndStoredOnlyAsItsHash() throws Exception {
        CreatedToken created = auth.addToken("Production API", Duration.ofDays(30), "production");
        assertThat(created.plaintext()).hasSize(44);
        assertThat(created.toString()).doesNotContain(created.plaintext());
        TokenRecord r = created.record();
        assertThat(r.id()).isEqualTo("token-1766503601");
        assertThat(r.hash()).isEqualTo(TokenSecrets.sha256Hex(created.plaintext()));
        assertThat(r.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofDays(30)));
        assertThat(r.createdAt()).isEqualTo(clock.instant());

        String file = Files.readString(auth.tokenFile());
        assertThat(file).contains(r.hash(), "database: production", "annotation: Production API")
                .doesNotContain(created.plaintext());

        BearerResult ok = auth.checkBearer(created.plaintext(), "10.0.0.1");
        assertThat(ok.accepted()).isTrue();
        assertThat(ok.principal().kind()).isEqualTo(AuthPrincipal.Kind.API_TOKEN);
        assertThat(ok.principal().name()).isEqualTo(r.id());
        assertThat(ok.principal().database()).isEqualTo("production");
        assertThat(ok.principal().tokenHash()).isEqualTo(r.hash());
        assertThat(events).extracting(AuthEvent::type).contains(AuthEventType.TOKEN_ADDED);
    }

    @Test
    void savedFileIsMode0600AndAnotherServiceLoadsIt() throws Exception {
        CreatedToken a = auth.addToken("a", null, null);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(auth.tokenFile()))).isEqualTo("rw-------");
        try (AuthService other = AuthTestSupport.open(AuthTestSupport.settings(dir), clock)) {
            assertThat(other.tokens()).extracting(TokenRecord::id).containsExactly(a.record().id());
            assertThat(other.checkBearer(a.plaintext(), "10.0.0.1").accepted()).isTrue();
            assertThat(other.tokens().get(0).expiresAt()).isNull();
        }
    }

    @Test
    void idsCollideWithinOneSecondAndGetSuffixes() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ids.add(auth.addToken("n" + i, null, null).record().id());
        }
        assertThat(ids).containsExactly("token-1766503601", "token-1766503601-2", "token-1766503601-3",
                "token-1766503601-4");
        assertThat(auth.tokens()).extracting(TokenRecord::id).isSorted().hasSize(4);
    }

    @Test
    void removeByIdRevokesAtOnce() {
        CreatedToken t = auth.addToken("x", null, null);
        TokenRecord removed = auth.removeToken(t.record().id());
        assertThat(removed.id()).isEqualTo(t.record().id());
        assertThat(auth.tokens()).isEmpty();
        assertThat(auth.checkBearer(t.plaintext(), "10.0.0.1").accepted()).isFalse();
        assertThat(revoked).containsExactly(t.record().hash());
        assertThatThrownBy(() -> auth.removeToken(t.record().id())).isInstanceOf(AuthException.class)
                .hasMessageContaining("No token");
    }

    @Test
    void removeByHashPrefixOfAtLeastEightCharacters() {
        CreatedToken t = auth.addToken("x", null, null);
        auth.addToken("y", null, null);
        String prefix = t.record().hash().substring(0, 8);
        assertThat(auth.removeToken(prefix.toUpperCase()).id()).isEqualTo(t.record().id());
        assertThat(auth.tokens()).hasSize(1);
    }

    @Test
    void tooShortPrefixIsRefused() {
        CreatedToken t = auth.addToken("x", null, null);
        assertThatThrownBy(() -> auth.removeToken(t.record().hash().substring(0, 7)))
                .isInstanceOf(AuthException.class).hasMessageContaining("at least 8");
        assertThat(auth.tokens()).hasSize(1);
    }

    @Test
    void ambiguousPrefixListsTheMatchingIdsAndRemovesNothing() throws Exception {
        String yaml = """
                tokens:
                    token-1:
                        hash: abcdef0011111111111111111111111111111111111111111111111111111111
                    token-2:
                        hash: abcdef0022222222222222222222222222222222222222222222222222222222
                    token-3:
                        hash: 9999999999999999999999999999999999999999999999999999999999999999
                """;
        Files.writeString(auth.tokenFile(), yaml);
        auth.reload();
        assertThatThrownBy(() -> auth.removeToken("abcdef00"))
                .isInstanceOf(AuthException.class)
                .hasMessageContaining("token-1").hasMessageContaining("token-2").hasMessageNotContaining("token-3");
        assertThat(auth.tokens()).hasSize(3);
        assertThat(auth.removeToken("abcdef001").id()).isEqualTo("token-1");
    }

    @Test
    void hugeRemoveInputIsAnErrorNotACrash() {
        String huge = "a".repeat(100_000);
        assertThatThrownBy(() -> auth.removeToken(huge)).isInstanceOf(AuthException.class)
                .satisfies(e -> assertThat(e.getMessage().length()).isLessThan(300));
        assertThatThrownBy(() -> auth.removeToken(" ")).isInstanceOf(AuthException.class);
        assertThatThrownBy(() -> auth.removeToken(null)).isInstanceOf(AuthException.class);
    }

    @Test
    void expiredTokenIsRejectedAndListedButLeftInTheFile() throws Exception {
        CreatedToken t = auth.addToken("short", Duration.ofHours(1), null);
        clock.advance(Duration.ofMinutes(59));
        assertThat(auth.checkBearer(t.plaintext(), "10.0.0.1").accepted()).isTrue();
        clock.advance(Duration.ofMinutes(1));
        assertThat(auth.checkBearer(t.plaintext(), "10.0.0.1").accepted()).as("not before expires_at").isTrue();
        clock.advance(Duration.ofMillis(1));
        assertThat(auth.checkBearer(t.plaintext(), "10.0.0.1").accepted()).isFalse();
        assertThat(auth.tokens()).hasSize(1);
        assertThat(auth.tokens().get(0).isExpired(clock.instant())).isTrue();
    }

    @Test
    void cleanupDropsExpiredTokensFromMemoryOnlyAndLogsTheCount() throws Exception {
        CreatedToken expiring = auth.addToken("a", Duration.ofHours(1), null);
        auth.addToken("b", Duration.ofHours(1), null);
        CreatedToken keep = auth.addToken("c", null, null);
        String before = Files.readString(auth.tokenFile());
        clock.advance(Duration.ofHours(2));
        try (LogCapture log = new LogCapture()) {
            assertThat(auth.removeExpiredFromMemory()).isEqualTo(2);
            assertThat(log.contains("Removed 2 expired token(s)")).isTrue();
        }
        assertThat(Files.readString(auth.tokenFile())).as("file untouched").isEqualTo(before);
        assertThat(revoked).contains(expiring.record().hash()).hasSize(2);
        assertThat(auth.checkBearer(keep.plaintext(), "10.0.0.1").accepted()).isTrue();
        assertThat(auth.tokens()).as("still listed as EXPIRED").hasSize(3);
        assertThat(auth.removeExpiredFromMemory()).isZero();
    }

    @Test
    void removeExpiredTokensRewritesTheFile() {
        auth.addToken("a", Duration.ofHours(1), null);
        CreatedToken keep = auth.addToken("c", Duration.ofDays(10), null);
        clock.advance(Duration.ofHours(2));
        assertThat(auth.removeExpiredTokens()).isEqualTo(1);
        assertThat(auth.tokens()).extracting(TokenRecord::id).containsExactly(keep.record().id());
        assertThat(auth.removeExpiredTokens()).isZero();
    }

    @Test
    void rejectsNonPositiveExpiry() {
        assertThatThrownBy(() -> auth.addToken("x", Duration.ZERO, null)).isInstanceOf(AuthException.class);
        assertThatThrownBy(() -> auth.addToken("x", Duration.ofHours(-1), null)).isInstanceOf(AuthException.class);
        assertThat(auth.addToken("x", ExpiryDuration.parse("1w").duration(), " ").record().database()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "x", "Bearer", " ", "not base64 at all!!", "\n", "\u0000"})
    void badTokensAreRejectedQuietly(String token) {
        auth.addToken("x", null, null);
        assertThat(auth.checkBearer(token, "10.0.0.2").status()).isEqualTo(BearerResult.Status.REJECTED);
    }

    @Test
    void theRightTokenWithExtraSpaceOrNewlineOrAHugeTokenIsRejected() {
        CreatedToken t = auth.addToken("x", null, null);
        assertThat(auth.checkBearer(t.plaintext() + " ", "10.0.0.3").accepted()).isFalse();
        assertThat(auth.checkBearer(t.plaintext() + "\n", "10.0.0.3").accepted()).isFalse();
        assertThat(auth.checkBearer("A".repeat(10_000), "10.0.0.3").accepted()).isFalse();
        assertThat(auth.checkBearer(null, null).accepted()).isFalse();
        assertThat(auth.checkBearer(t.plaintext(), "10.0.0.3").accepted()).isTrue();
    }

    @Test
    void invalidTokensCountTowardsTheAddressLimitButValidTokensStillPass() {
        CreatedToken t = auth.addToken("x", null, null);
        for (int i = 0; i < 10; i++) {
            assertThat(auth.checkBearer("wrong-" + i, "192.0.2.7").status()).isEqualTo(BearerResult.Status.REJECTED);
        }
        BearerResult limited = auth.checkBearer("wrong-again", "192.0.2.7");
        assertThat(limited.status()).isEqualTo(BearerResult.Status.RATE_LIMITED);
        assertThat(limited.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(15));
        assertThat(auth.checkBearer(t.plaintext(), "192.0.2.7").accepted()).isTrue();
        assertThat(auth.checkBearer("wrong", "192.0.2.8").status()).isEqualTo(BearerResult.Status.REJECTED);
        assertThat(auth.blockedAddresses()).extracting(BlockedAddress::key).containsExactly("192.0.2.7");
        clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        assertThat(auth.checkBearer("wrong", "192.0.2.7").status()).isEqualTo(BearerResult.Status.REJECTED);
    }

    @Test
    void clearAddressUnblocks() {
        for (int i = 0; i < 10; i++) {
            auth.checkBearer("wrong", "192.0.2.9");
        }
        assertThat(auth.checkBearer("wrong", "192.0.2.9").status()).isEqualTo(BearerResult.Status.RATE_LIMITED);
        auth.clearAddress("192.0.2.9");
        assertThat(auth.blockedAddresses()).isEmpty();
        assertThat(auth.checkBearer("wrong", "192.0.2.9").status()).isEqualTo(BearerResult.Status.REJECTED);
        assertThat(events).extracting(AuthEvent::type).contains(AuthEventType.ADDRESS_CLEARED,
                AuthEventType.RATE_LIMITED, AuthEventType.TOKEN_REJECTED);
    }

    @Test
    void aHandEditedFileWithAKnownHashWorks() throws Exception {
        Files.writeString(auth.tokenFile(), """
                tokens:
                    token-1766503601:
                        hash: 4c5dc9b7708905f77f5e5d16316b5dfb425e68cb326dcd55a860e90a7707031e
                        expires_at: 2026-01-22T15:26:41Z
                        annotation: Test
                        created_at: 2025-12-23T15:26:41Z
                """);
        auth.reload();
        assertThat(auth.checkBearer("test-token", "10.0.0.1").accepted()).isTrue();
        clock.set(Instant.parse("2026-01-22T15:26:42Z"));
        assertThat(auth.checkBearer("test-token", "10.0.0.1").accepted()).isFalse();
    }

    @Test
    void editsRefuseToOverwriteABrokenFile() throws Exception {
        auth.addToken("x", null, null);
        Files.writeString(auth.tokenFile(), "tokens: [broken");
        assertThatThrownBy(() -> auth.addToken("y", null, null)).isInstanceOf(AuthException.class)
                .hasMessageContaining(auth.tokenFile().toString());
        assertThat(Files.readString(auth.tokenFile(), UTF_8)).isEqualTo("tokens: [broken");
    }
}
