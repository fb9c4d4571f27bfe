package com.pgedge.mcp.admin.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.pgedge.mcp.admin.StoreFixture;
import com.pgedge.mcp.admin.TestClock;
import com.pgedge.mcp.admin.task.SameThreadTaskRunner;
import com.pgedge.mcp.auth.AccountStatus;
import com.pgedge.mcp.auth.AuthException;
import com.pgedge.mcp.auth.AuthService;
import com.pgedge.mcp.auth.UserRecord;

class ConsoleStoreTest {

    private final TestClock clock = new TestClock(Instant.parse("2026-01-10T10:00:00Z"));
    private StoreFixture fx;
    private ConsoleStore store;

    @BeforeEach
    void setUp() throws Exception {
        fx = new StoreFixture();
        try (AuthService outside = fx.outside(0, clock)) {
            outside.addUser("alice", "alice-password-1", "");
        }
        store = new ConsoleStore(new SameThreadTaskRunner(), fx::resolve, clock, StoreFixture.cheapBcrypt());
        store.setHotReload(false);
    }

    @AfterEach
    void tearDown() throws Exception {
        store.close();
        fx.close();
    }

    @Test
    void invalidFileOnReloadKeepsTheLastGoodRowsAndSaysWhy() throws Exception {
        store.open(fx.location, null);
        assertThat(store.usersProperty().get()).extracting(UserRecord::username).containsExactly("alice");
        Files.writeString(fx.location.userFile(), "users: [\n");
        store.reloadFromDisk();
        assertThat(store.loadErrorProperty().get()).contains("Could not reload").contains("pgedge-postgres-mcp-users.yaml")
                .contains("last good data");
        assertThat(store.usersProperty().get()).extracting(UserRecord::username).containsExactly("alice");
        Files.writeString(fx.location.userFile(), "users: {}\n");
        store.reloadFromDisk();
        assertThat(store.loadErrorProperty().get()).isEmpty();
        assertThat(store.usersProperty().get()).isEmpty();
    }

    @Test
    void aFileThatCannotBeOpenedIsReportedAndThePreviousStoreStays() throws Exception {
        store.open(fx.location, null);
        StoreFixture other = new StoreFixture();
        try {
            Files.writeString(other.location.tokenFile(), "tokens: {a: 1, a: 2}\n");
            store.open(other.location, null);
            assertThat(store.loadErrorProperty().get()).startsWith("Could not open").contains("still in use");
            assertThat(store.locationProperty().get()).isEqualTo(fx.location);
            assertThat(store.usersProperty().get()).hasSize(1);
        } finally {
            other.close();
        }
    }

    @Test
    void withoutAStoreActionsSayWhatToDo() {
        assertThat(org.assertj.core.api.Assertions.catchThrowable(store::service)).isInstanceOf(AuthException.class)
                .hasMessageContaining("File > Open");
    }

    @Test
    void statusRuleWithAndWithoutAKnownThreshold() {
        UserRecord lockedLooking = new UserRecord("u", "", null, null, false, "", 2);
        UserRecord disabled = new UserRecord("v", "", null, null, false, "", 0);
        StoreSettings unknown = fx.resolve(fx.location);
        assertThat(unknown.statusOf(lockedLooking)).isEqualTo(AccountStatus.LOCKED);
        assertThat(unknown.statusOf(disabled)).isEqualTo(AccountStatus.DISABLED);
        StoreSettings threshold3 = new StoreSettings(fx.settings(3), List.of(), null);
        assertThat(threshold3.statusOf(lockedLooking)).isEqualTo(AccountStatus.DISABLED);
        assertThat(threshold3.statusOf(new UserRecord("w", "", null, null, false, "", 3))).isEqualTo(AccountStatus.LOCKED);
    }

    @Test
    void errorTextIsForPeople() {
        assertThat(ErrorText.describe(new AuthException("User 'x' not found"))).isEqualTo("User 'x' not found");
        assertThat(ErrorText.describe(new AccessDeniedException("/etc/x.yaml"))).contains("Permission denied: /etc/x.yaml");
        assertThat(ErrorText.describe(new java.util.concurrent.ExecutionException(new AuthException("inner")))).isEqualTo("inner");
        assertThat(ErrorText.describe(new NullPointerException())).isEqualTo("Something went wrong (NullPointerException).");
    }

    @Test
    void firstStartInAnEmptyDataFolderCreatesPrivateFilesOnTheFirstChange() throws Exception {
        java.nio.file.Path data = fx.folder.resolve("home/.local/share/pgedge-postgres-mcp");
        StoreLocation first = StoreLocation.inFolder(data);
        store.open(first, null);
        assertThat(store.loadErrorProperty().get()).isEmpty();
        assertThat(store.usersProperty().get()).isEmpty(); // no default account
        assertThat(Files.exists(first.userFile())).isFalse();
        store.service().addUser("admin", "a long first passphrase", "");
        assertThat(Files.exists(first.userFile())).isTrue();
        if (java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(first.userFile())))
                    .isEqualTo("rw-------");
        }
    }
}
