package com.pgedge.mcp.admin.lockouts;

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
import com.pgedge.mcp.admin.store.StoreSettings;
import com.pgedge.mcp.admin.task.SameThreadTaskRunner;
import com.pgedge.mcp.admin.users.UserRow;
import com.pgedge.mcp.admin.users.UsersViewModel;
import com.pgedge.mcp.auth.AuthService;

class LockoutsViewModelTest {

    private final TestClock clock = new TestClock(Instant.parse("2026-01-10T10:00:00Z"));
    private StoreFixture fx;
    private ConsoleStore store;
    private LockoutsViewModel vm;

    @BeforeEach
    void open() throws Exception {
        fx = new StoreFixture();
        try (AuthService outside = fx.outside(3, clock)) {
            outside.addUser("alice", "alice-password-1", "");
            outside.addUser("bob", "bob-password-1", "");
            outside.addUser("carol", "carol-password-1", "");
            StoreFixture.lock(outside, "bob");
            StoreFixture.lock(outside, "carol");
        }
        // The console runs with the same lockout threshold and rate limit as a server would.
        store = new ConsoleStore(new SameThreadTaskRunner(),
                l -> new StoreSettings(fx.settings(3).withRateLimit(java.time.Duration.ofMinutes(15), 3), List.of(), null),
                clock, StoreFixture.cheapBcrypt());
        store.setHotReload(false);
        Feedback feedback = new Feedback();
        UsersViewModel users = new UsersViewModel(store, feedback);
        vm = new LockoutsViewModel(store, feedback, users);
        store.open(fx.location, null);
    }

    @AfterEach
    void close() throws Exception {
        store.close();
        fx.close();
    }

    @Test
    void boardListsLockedAccountsAndUnlocksASelection() {
        assertThat(vm.lockedRows()).extracting(UserRow::username).containsExactly("bob", "carol");
        vm.unlock(List.of("bob", "carol"));
        assertThat(vm.lockedRows()).isEmpty();
        assertThat(vm.summaryProperty().get()).startsWith("0 locked accounts");
        try (AuthService outside = fx.outside(3, clock)) {
            assertThat(outside.user("carol").orElseThrow().enabled()).isTrue();
            assertThat(outside.user("carol").orElseThrow().failedAttempts()).isZero();
        }
    }

    @Test
    void blockedAddressesAppearAndCanBeCleared() {
        AuthService inConsole = store.service();
        for (int i = 0; i < 4; i++) {
            inConsole.checkBearer("not-a-token-" + i, "198.51.100.7");
        }
        vm.refreshBlocked();
        assertThat(vm.blockedAddresses()).extracting(b -> b.key()).containsExactly("198.51.100.7");
        vm.clearAddresses(List.of("198.51.100.7"));
        assertThat(vm.blockedAddresses()).isEmpty();
    }
}
