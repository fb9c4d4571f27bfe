package com.pgedge.mcp.admin.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.pgedge.mcp.admin.StoreFixture;
import com.pgedge.mcp.admin.TestClock;
import com.pgedge.mcp.admin.store.ConsoleStore;
import com.pgedge.mcp.admin.store.Feedback;
import com.pgedge.mcp.admin.task.SameThreadTaskRunner;
import com.pgedge.mcp.auth.AuthService;
import com.pgedge.mcp.auth.BearerResult;
import com.pgedge.mcp.auth.CreatedToken;

class TokensViewModelTest {

    private final TestClock clock = new TestClock(Instant.parse("2026-01-10T10:00:00Z"));
    private StoreFixture fx;
    private ConsoleStore store;
    private Feedback feedback;
    private TokensViewModel vm;

    @BeforeEach
    void open() throws Exception {
        fx = new StoreFixture();
        store = new ConsoleStore(new SameThreadTaskRunner(), fx::resolve, clock, StoreFixture.cheapBcrypt());
        store.setHotReload(false);
        feedback = new Feedback();
        vm = new TokensViewModel(store, feedback);
        store.open(fx.location, null);
    }

    @AfterEach
    void close() throws Exception {
        store.close();
        fx.close();
    }

    @Test
    void createdTokenAuthenticatesThroughTheCoreAndIsForgottenAfterwards() {
        vm.create("CI pipeline", "7d", "analytics");
        CreatedToken created = vm.createdTokenProperty().get();
        assertThat(created).isNotNull();
        assertThat(created.plaintext()).hasSize(44);
        assertThat(created.record().database()).isEqualTo("analytics");
        assertThat(created.record().expiresAt()).isEqualTo(clock.instant().plus(Duration.ofDays(7)));
        assertThat(vm.allRows()).extracting(TokenRow::id).containsExactly(created.record().id());
        try (AuthService outside = fx.outside(0, clock)) {
            BearerResult r = outside.checkBearer(created.plaintext(), "127.0.0.1");
            assertThat(r.accepted()).isTrue();
            assertThat(r.principal().database()).isEqualTo("analytics");
        }
        vm.forgetCreatedToken();
        assertThat(vm.createdTokenProperty().get()).isNull();
    }

    @Test
    void invalidExpiryIsExplainedAndWritesNothing() {
        assertThat(TokensViewModel.checkExpiry("3 days")).contains("h (hours)");
        assertThat(TokensViewModel.checkExpiry("36h")).isNull();
        vm.create("x", "3 days", "");
        assertThat(feedback.errorProperty().get()).contains("Invalid expiry");
        assertThat(vm.createdTokenProperty().get()).isNull();
        assertThat(vm.allRows()).isEmpty();
    }

    @Test
    void expiredTokensAreMarkedAndCanBeRemovedTogether() {
        vm.create("short", "1h", null);
        vm.create("long", "never", null);
        assertThat(vm.summaryProperty().get()).isEqualTo("2 tokens, 0 expired");
        clock.advance(Duration.ofHours(2));
        vm.rebuild();
        assertThat(vm.allRows()).filteredOn(TokenRow::expired).extracting(r -> r.token().annotation()).containsExactly("short");
        assertThat(vm.summaryProperty().get()).isEqualTo("2 tokens, 1 expired");
        vm.removeExpired();
        assertThat(feedback.infoProperty().get()).isEqualTo("Removed 1 expired token.");
        assertThat(vm.allRows()).extracting(r -> r.token().annotation()).containsExactly("long");
    }

    @Test
    void removeSelectedTokens() {
        vm.create("a", "30d", null);
        vm.create("b", "30d", null);
        List<String> ids = vm.allRows().stream().map(TokenRow::id).toList();
        vm.remove(ids);
        assertThat(vm.allRows()).isEmpty();
        try (AuthService outside = fx.outside(0, clock)) {
            assertThat(outside.tokens()).isEmpty();
        }
    }

    @Test
    void searchMatchesNoteHashPrefixAndStatus() {
        vm.create("Production API", "30d", "prod");
        vm.create("Staging", "1h", null);
        clock.advance(Duration.ofHours(3));
        vm.rebuild();
        vm.searchProperty().set("production");
        assertThat(vm.visibleRows()).hasSize(1);
        String prefix = vm.visibleRows().get(0).token().hash().substring(0, 10);
        vm.searchProperty().set(prefix);
        assertThat(vm.visibleRows()).extracting(r -> r.token().annotation()).containsExactly("Production API");
        vm.searchProperty().set("expired");
        assertThat(vm.visibleRows()).extracting(r -> r.token().annotation()).containsExactly("Staging");
    }
}
