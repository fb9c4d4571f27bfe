package com.pgedge.mcp.admin.users;

import static org.assertj.core.api.Assertions.assertThat;

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
import com.pgedge.mcp.auth.AccountStatus;
import com.pgedge.mcp.auth.AuthService;

/** The Users ViewModel against a real auth core over real files; no FX toolkit. */
class UsersViewModelTest {

    private final TestClock clock = new TestClock(Instant.parse("2026-01-10T10:00:00Z"));
    private StoreFixture fx;
    private ConsoleStore store;
    private Feedback feedback;
    private UsersViewModel vm;

    @BeforeEach
    void open() throws Exception {
        fx = new StoreFixture();
        try (AuthService outside = fx.outside(3, clock)) {
            outside.addUser("alice", "alice-password-1", "Alice Smith");
            outside.addUser("bob", "bob-password-1", "");
            StoreFixture.lock(outside, "bob");
        }
        store = new ConsoleStore(new SameThreadTaskRunner(), fx::resolve, clock, StoreFixture.cheapBcrypt());
        store.setHotReload(false);
        feedback = new Feedback();
        vm = new UsersViewModel(store, feedback);
        store.open(fx.location, null);
    }

    @AfterEach
    void close() throws Exception {
        store.close();
        fx.close();
    }

    @Test
    void rowsShowStatusAndSummary() {
        assertThat(vm.allRows()).extracting(UserRow::username).containsExactly("alice", "bob");
        assertThat(vm.row("alice").status()).isEqualTo(AccountStatus.ENABLED);
        // No config file: a disabled account that carries failures is shown as locked.
        assertThat(vm.row("bob").status()).isEqualTo(AccountStatus.LOCKED);
        assertThat(vm.row("bob").user().failedAttempts()).isEqualTo(3);
        assertThat(vm.summaryProperty().get()).isEqualTo("2 users, 1 locked, 0 disabled");
    }

    @Test
    void addedUserCanLogInThroughTheCore() {
        vm.addUser("  carol ", "carol's passphrase", "Carol - DBA");
        assertThat(feedback.errorProperty().get()).isEmpty();
        assertThat(feedback.infoProperty().get()).isEqualTo("User carol added.");
        assertThat(vm.row("carol")).isNotNull();
        assertThat(vm.row("carol").user().annotation()).isEqualTo("Carol - DBA");
        try (AuthService outside = fx.outside(3, clock)) {
            assertThat(outside.login("carol", "carol's passphrase", "127.0.0.1").succeeded()).isTrue();
        }
    }

    @Test
    void duplicateUserIsRefusedInWordsAndChangesNothing() {
        vm.addUser("alice", "another-password", "");
        assertThat(feedback.errorProperty().get()).contains("alice").doesNotContain("Exception");
        try (AuthService outside = fx.outside(3, clock)) {
            assertThat(outside.login("alice", "alice-password-1", "127.0.0.1").succeeded()).isTrue();
        }
    }

    @Test
    void tooLongPasswordIsRefusedByTheCore() {
        vm.addUser("dave", "x".repeat(73), "");
        assertThat(feedback.errorProperty().get()).contains("72");
        assertThat(vm.row("dave")).isNull();
    }

    @Test
    void unlockEnablesAndResetsTheCounter() {
        vm.unlock(List.of("bob"));
        assertThat(feedback.infoProperty().get()).isEqualTo("Unlocked bob.");
        assertThat(vm.row("bob").status()).isEqualTo(AccountStatus.ENABLED);
        assertThat(vm.row("bob").user().failedAttempts()).isZero();
        try (AuthService outside = fx.outside(3, clock)) {
            assertThat(outside.login("bob", "bob-password-1", "127.0.0.1").succeeded()).isTrue();
        }
    }

    @Test
    void bulkDisableThenDeleteAndTheSummaryFollows() {
        vm.disable(List.of("alice", "bob"));
        assertThat(vm.row("alice").status()).isEqualTo(AccountStatus.DISABLED);
        vm.delete(List.of("alice", "bob"));
        assertThat(vm.allRows()).isEmpty();
        assertThat(vm.summaryProperty().get()).startsWith("No users yet");
        try (AuthService outside = fx.outside(3, clock)) {
            assertThat(outside.users()).isEmpty();
        }
    }

    @Test
    void bulkActionStopsAtTheFirstFailureAndSaysWhatWasDone() {
        vm.delete(List.of("alice", "nobody", "bob"));
        assertThat(feedback.errorProperty().get()).startsWith("Deleted alice, then stopped: nobody:");
        assertThat(vm.allRows()).extracting(UserRow::username).containsExactly("bob");
    }

    @Test
    void changePasswordAndNote() {
        vm.changePassword("alice", "a brand new passphrase");
        vm.editNote("alice", " Team lead ");
        assertThat(vm.row("alice").user().annotation()).isEqualTo("Team lead");
        try (AuthService outside = fx.outside(3, clock)) {
            assertThat(outside.login("alice", "alice-password-1", "127.0.0.1").succeeded()).isFalse();
            assertThat(outside.login("alice", "a brand new passphrase", "127.0.0.1").succeeded()).isTrue();
        }
    }

    @Test
    void searchFiltersByNameNoteAndStatus() {
        vm.searchProperty().set("smith");
        assertThat(vm.visibleRows()).extracting(UserRow::username).containsExactly("alice");
        vm.searchProperty().set("locked");
        assertThat(vm.visibleRows()).extracting(UserRow::username).containsExactly("bob");
        vm.searchProperty().set("");
        assertThat(vm.visibleRows()).hasSize(2);
    }

    @Test
    void changesMadeOutsideAppearAfterAReload() {
        try (AuthService outside = fx.outside(3, clock)) {
            outside.addUser("erin", "erin-password-1", "");
        }
        store.reloadFromDisk();
        assertThat(vm.row("erin")).isNotNull();
    }
}
