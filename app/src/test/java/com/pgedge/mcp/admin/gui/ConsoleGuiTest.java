package com.pgedge.mcp.admin.gui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import javafx.scene.Node;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import com.pgedge.mcp.admin.Console;
import com.pgedge.mcp.admin.StoreFixture;
import com.pgedge.mcp.admin.task.FxTaskRunner;
import com.pgedge.mcp.admin.users.UserRow;
import com.pgedge.mcp.auth.AuthService;
import com.pgedge.mcp.auth.BearerResult;
import com.pgedge.mcp.auth.UserRecord;

/**
 * Drives the real console scene (headless Monocle) over real files: every check of what the
 * console wrote goes through a second AuthService, like the CLI or a server would read it.
 */
@ExtendWith(ApplicationExtension.class)
class ConsoleGuiTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private final Clock clock = Clock.systemUTC();
    private StoreFixture fx;
    private Console console;

    @Start
    void start(Stage stage) throws Exception {
        fx = new StoreFixture();
        try (AuthService outside = fx.outside(3, clock)) {
            outside.addUser("alice", "alice-password-1", "Alice Smith - Developer");
            outside.addUser("bob", "bob-password-1", "Bob - on call");
            outside.addUser("carol", "carol-password-1", "");
            StoreFixture.lock(outside, "bob");
            StoreFixture.lock(outside, "carol");
            outside.addToken("Existing token", Duration.ofDays(30), null);
        }
        console = Console.start(stage, new Console.Setup(fx.folder.resolve("data"), fx.location, clock,
                new FxTaskRunner(), fx::resolve, StoreFixture.cheapBcrypt(), false));
    }

    @AfterEach
    void stop(FxRobot robot) throws Exception {
        robot.interact(() -> console.close());
        fx.close();
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get();
    }

    private void awaitUsers(FxRobot robot) {
        await().atMost(WAIT).until(() -> fx(() -> robot.lookup("#usersTable").queryTableView().getItems().size()) == 3);
    }

    private UserRecord readUser(String name) {
        try (AuthService outside = fx.outside(3, clock)) {
            return outside.user(name).orElse(null);
        }
    }

    private Node cell(FxRobot robot, String tableId, String text) {
        return robot.from(robot.lookup(tableId)).lookup((Node n) -> n instanceof TableCell<?, ?> c && text.equals(c.getText())).query();
    }

    @Test
    void unlockALockedUserByClickingChangesTheUserFile(FxRobot robot) throws Exception {
        awaitUsers(robot);
        assertThat(readUser("bob").enabled()).isFalse();
        robot.clickOn("#nav-lockouts");
        await().atMost(WAIT).until(() -> fx(() -> robot.lookup("#unlock-bob").tryQuery().isPresent()));
        robot.clickOn("#unlock-bob");
        await().atMost(WAIT).until(() -> readUser("bob").enabled());
        assertThat(readUser("bob").failedAttempts()).isZero();
        assertThat(readUser("carol").enabled()).isFalse();
        await().atMost(WAIT).until(() -> fx(() -> robot.lookup("#lockedTable").queryTableView().getItems().size()) == 1);
        try (AuthService outside = fx.outside(3, clock)) {
            assertThat(outside.login("bob", "bob-password-1", "127.0.0.1").succeeded()).isTrue();
        }
    }

    @Test
    void addAUserAndLogInWithThatPasswordThroughTheCore(FxRobot robot) throws Exception {
        awaitUsers(robot);
        robot.clickOn("#addUser");
        FieldInput.enter(robot, "#newUsername", "dave");
        FieldInput.enter(robot, "#newPassword", "correct horse battery");
        assertThat(robot.lookup("#addUserOk").queryButton().isDisabled()).isTrue();
        FieldInput.enter(robot, "#newPasswordConfirm", "correct horse battery");
        await().atMost(WAIT).until(() -> fx(() -> robot.lookup("#newPasswordFeedback").queryLabeled().getText()).contains("of 72 bytes"));
        FieldInput.enter(robot, "#newUserNote", "Dave - analyst");
        robot.clickOn("#addUserOk");
        await().atMost(WAIT).until(() -> readUser("dave") != null);
        assertThat(readUser("dave").annotation()).isEqualTo("Dave - analyst");
        try (AuthService outside = fx.outside(3, clock)) {
            assertThat(outside.login("dave", "correct horse battery", "127.0.0.1").succeeded()).isTrue();
            assertThat(outside.login("dave", "correct horse battery!", "127.0.0.2").succeeded()).isFalse();
        }
        await().atMost(WAIT).until(() -> fx(() -> console.users().row("dave") != null));
    }

    @Test
    void createATokenReadItFromTheShowOnceDialogAndAuthenticateWithIt(FxRobot robot) throws Exception {
        awaitUsers(robot);
        robot.clickOn("#nav-tokens");
        robot.clickOn("#createToken");
        FieldInput.enter(robot, "#tokenNote", "GUI test token");
        robot.clickOn("#createTokenOk");
        await().atMost(WAIT).until(() -> fx(() -> robot.lookup("#createdTokenValue").tryQuery().isPresent()));
        String token = fx(() -> robot.lookup("#createdTokenValue").queryAs(TextField.class).getText());
        assertThat(token).hasSize(44);
        try (AuthService outside = fx.outside(3, clock)) {
            BearerResult r = outside.checkBearer(token, "127.0.0.1");
            assertThat(r.accepted()).isTrue();
            assertThat(outside.tokens()).hasSize(2);
        }
        robot.clickOn("#createdTokenDone");
        // Shown once: the plaintext is gone from the ViewModel once the dialog is closed.
        await().atMost(WAIT).until(() -> fx(() -> console.tokens().createdTokenProperty().get() == null));
        assertThat(fx(() -> robot.lookup("#tokensTable").queryTableView().getItems().size())).isEqualTo(2);
    }

    @Test
    void bulkUnlockTwoUsersFromTheUsersTable(FxRobot robot) throws Exception {
        awaitUsers(robot);
        robot.clickOn(cell(robot, "#usersTable", "bob"));
        robot.press(KeyCode.CONTROL).clickOn(cell(robot, "#usersTable", "carol")).release(KeyCode.CONTROL);
        TableView<UserRow> table = robot.lookup("#usersTable").queryAs(TableView.class);
        assertThat(fx(() -> table.getSelectionModel().getSelectedItems().stream().map(UserRow::username).toList()))
                .containsExactlyInAnyOrder("bob", "carol");
        robot.clickOn("#unlockUser");
        await().atMost(WAIT).until(() -> readUser("bob").enabled() && readUser("carol").enabled());
        assertThat(readUser("carol").failedAttempts()).isZero();
        await().atMost(WAIT).until(() -> fx(() -> console.users().summaryProperty().get()).equals("3 users, 0 locked, 0 disabled"));
    }

    @Test
    void anEditFromOutsideShowsUpInTheTable(FxRobot robot) throws Exception {
        awaitUsers(robot);
        // An admin's editor or another tool writes the file directly.
        String yaml = Files.readString(fx.location.userFile(), StandardCharsets.UTF_8)
                + "    erin:\n"
                + "        username: erin\n"
                + "        password_hash: $2a$12$fZyjmfv0zjzCudJFuNQjkOZMHejxLtzp7yY2h7cM6d15pE3jIR1EG\n"
                + "        created_at: 2025-12-21T15:26:41Z\n"
                + "        last_login: null\n"
                + "        enabled: true\n"
                + "        annotation: Added in an editor\n"
                + "        failed_attempts: 0\n";
        Files.writeString(fx.location.userFile(), yaml, StandardCharsets.UTF_8);
        await().atMost(WAIT).until(() -> fx(() -> robot.lookup("#usersTable").queryTableView().getItems().size()) == 4);
        assertThat(fx(() -> console.users().row("erin").user().annotation())).isEqualTo("Added in an editor");
        assertThat(fx(() -> robot.lookup("#statusReload").queryLabeled().getText())).startsWith("Loaded ");
    }

    @Test
    void anInvalidFileShowsAnErrorAndTheOldRowsStay(FxRobot robot) throws Exception {
        awaitUsers(robot);
        assertThat(fx(() -> robot.lookup("#loadErrorBanner").query().isVisible())).isFalse();
        Files.writeString(fx.location.userFile(), "users:\n  alice: [unclosed\n", StandardCharsets.UTF_8);
        await().atMost(WAIT).until(() -> fx(() -> robot.lookup("#loadErrorBanner").query().isVisible()));
        String text = fx(() -> ((atlantafx.base.controls.Message) robot.lookup("#loadErrorBanner").query()).getDescription());
        assertThat(text).contains("pgedge-postgres-mcp-users.yaml").contains("last good data").doesNotContain("Exception");
        assertThat(fx(() -> robot.lookup("#usersTable").queryTableView().getItems().size())).isEqualTo(3);
        List<String> names = fx(() -> console.users().allRows().stream().map(UserRow::username).toList());
        assertThat(names).containsExactly("alice", "bob", "carol");
        // Fixing the file clears the banner.
        Files.writeString(fx.location.userFile(), "users: {}\n", StandardCharsets.UTF_8);
        await().atMost(WAIT).until(() -> !fx(() -> robot.lookup("#loadErrorBanner").query().isVisible()));
        await().atMost(WAIT).until(() -> fx(() -> robot.lookup("#usersTable").queryTableView().getItems().isEmpty()));
    }

    @Test
    void activityShowsAFailedLoginFromAnotherProcess(FxRobot robot) throws Exception {
        awaitUsers(robot);
        robot.clickOn("#nav-activity");
        try (AuthService outside = fx.outside(3, clock)) {
            outside.login("alice", "not her password", "198.51.100.23");
        }
        await().atMost(WAIT).until(() -> fx(() -> console.activity().visibleEvents().stream()
                .anyMatch(e -> "198.51.100.23".equals(e.address()))));
        TableView<com.pgedge.mcp.auth.AuthEvent> table = robot.lookup("#activityTable").queryAs(TableView.class);
        // Newest first: the failure is above the history (the seeded users' creation), with its reason.
        List<com.pgedge.mcp.auth.AuthEvent> rows = fx(() -> List.copyOf(table.getItems()));
        int failure = -1;
        int created = -1;
        for (int i = 0; i < rows.size(); i++) {
            if ("198.51.100.23".equals(rows.get(i).address()) && failure < 0) {
                failure = i;
                assertThat(rows.get(i).type()).isEqualTo(com.pgedge.mcp.auth.AuthEventType.LOGIN_FAILED);
                assertThat(rows.get(i).username()).isEqualTo("alice");
            }
            if (rows.get(i).type() == com.pgedge.mcp.auth.AuthEventType.USER_ADDED && created < 0) {
                created = i;
            }
        }
        assertThat(failure).isGreaterThanOrEqualTo(0).isLessThan(created);
        robot.clickOn("#jumpToLockouts");
        assertThat(fx(() -> console.window().current().key())).isEqualTo("lockouts");
    }

    @Test
    void startTheEmbeddedServerTestItAndStopIt(FxRobot robot) throws Exception {
        awaitUsers(robot);
        robot.clickOn("#nav-server");
        FieldInput.enter(robot, "#serverAddress", "127.0.0.1:0");
        robot.clickOn("#startServer");
        await().atMost(WAIT).until(() -> fx(() -> console.server().stateProperty().get())
                == com.pgedge.mcp.admin.server.ServerState.RUNNING);
        String url = fx(() -> robot.lookup("#serverUrl").queryAs(TextField.class).getText());
        assertThat(url).startsWith("http://127.0.0.1:").endsWith("/mcp/v1");
        assertThat(fx(() -> robot.lookup("#statusServer").queryLabeled().getText())).startsWith("Server: running on 127.0.0.1:");
        robot.clickOn("#testConnection");
        await().atMost(WAIT).until(() -> fx(() -> robot.lookup("#testResult").queryLabeled().getText()).startsWith("OK:"));
        robot.clickOn("#stopServer");
        await().atMost(WAIT).until(() -> fx(() -> console.server().stateProperty().get())
                == com.pgedge.mcp.admin.server.ServerState.STOPPED);
    }

    @Test
    void deleteAsksFirstAndCancelKeepsTheUser(FxRobot robot) throws Exception {
        awaitUsers(robot);
        robot.clickOn(cell(robot, "#usersTable", "carol"));
        robot.clickOn("#deleteUser");
        robot.clickOn("#deleteUserCancel");
        assertThat(readUser("carol")).isNotNull();
        robot.clickOn(cell(robot, "#usersTable", "carol"));
        robot.clickOn("#deleteUser");
        robot.clickOn("#deleteUserConfirm");
        await().atMost(WAIT).until(() -> readUser("carol") == null);
        await().atMost(WAIT).until(() -> fx(() -> console.users().row("carol") == null));
    }

    @Test
    void passwordsOver72BytesAreExplainedAndCannotBeSubmitted(FxRobot robot) throws Exception {
        awaitUsers(robot);
        robot.clickOn("#addUser");
        FieldInput.enter(robot, "#newUsername", "frank");
        String long73 = "x".repeat(73);
        FieldInput.enter(robot, "#newPassword", long73);
        FieldInput.enter(robot, "#newPasswordConfirm", long73);
        await().atMost(WAIT).until(() -> fx(() -> robot.lookup("#newPasswordFeedback").queryLabeled().getText()).contains("72 bytes"));
        assertThat(fx(() -> robot.lookup("#addUserOk").queryButton().isDisabled())).isTrue();
        robot.clickOn("#addUserCancel");
        assertThat(readUser("frank")).isNull();
    }

    @Test
    void fileOpenSwitchesToOtherFilesAndRemembersThem(FxRobot robot) throws Exception {
        awaitUsers(robot);
        java.nio.file.Path other = fx.folder.resolve("other");
        java.nio.file.Files.createDirectories(other);
        try (AuthService outside = AuthService.open(com.pgedge.mcp.auth.AuthSettings.defaults(
                other.resolve("t.yaml"), other.resolve("u.yaml")), clock, StoreFixture.TEST_COST)) {
            outside.addUser("zoe", "zoe-password-1", "in the other store");
        }
        robot.clickOn("File").clickOn("Open...");
        // Long paths: put them in directly (typing 60 characters twice adds nothing to the test).
        robot.interact(() -> {
            robot.lookup("#openTokenFile").queryAs(TextField.class).setText(other.resolve("t.yaml").toString());
            robot.lookup("#openUserFile").queryAs(TextField.class).setText(other.resolve("u.yaml").toString());
        });
        robot.clickOn("#openOk");
        await().atMost(WAIT).until(() -> fx(() -> console.users().row("zoe") != null));
        assertThat(fx(() -> console.users().allRows().size())).isEqualTo(1);
        assertThat(fx(() -> robot.lookup("#statusFiles").queryLabeled().getText()))
                .as("the status bar names the folder of the files now open")
                .endsWith(java.io.File.separator + "other");
        // Remembered: the next start opens it (most recent first), and the old files are in the list too.
        com.pgedge.mcp.admin.prefs.ConsolePreferences saved =
                com.pgedge.mcp.admin.prefs.ConsolePreferences.load(fx.folder.resolve("data"));
        assertThat(saved.recent().get(0).userFile()).isEqualTo(other.resolve("u.yaml"));
        assertThat(saved.recent()).contains(fx.location);
    }

    @Test
    void darkThemeFromTheViewMenuIsRemembered(FxRobot robot) throws Exception {
        awaitUsers(robot);
        robot.clickOn("View").clickOn("Dark theme");
        assertThat(fx(() -> javafx.application.Application.getUserAgentStylesheet())).containsIgnoringCase("dark");
        robot.clickOn("View").clickOn("Light theme");
        assertThat(fx(() -> javafx.application.Application.getUserAgentStylesheet())).doesNotContainIgnoringCase("dark");
        assertThat(fx(() -> console.preferences().darkTheme())).isFalse();
    }

    @Test
    void removeExpiredTokensAfterConfirming(FxRobot robot) throws Exception {
        awaitUsers(robot);
        try (AuthService past = AuthService.open(fx.settings(3),
                Clock.fixed(java.time.Instant.now().minus(Duration.ofDays(10)), java.time.ZoneOffset.UTC), StoreFixture.TEST_COST)) {
            past.addToken("old CI token", Duration.ofDays(1), null);
        }
        robot.clickOn("#nav-tokens");
        await().atMost(WAIT).until(() -> fx(() -> console.tokens().expiredCount()) == 1);
        robot.clickOn("#removeExpired");
        robot.clickOn("#removeExpiredConfirm");
        await().atMost(WAIT).until(() -> {
            try (AuthService outside = fx.outside(3, clock)) {
                return outside.tokens().size() == 1;
            }
        });
        try (AuthService outside = fx.outside(3, clock)) {
            assertThat(outside.tokens().get(0).annotation()).isEqualTo("Existing token");
        }
    }
}
