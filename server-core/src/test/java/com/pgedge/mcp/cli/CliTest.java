package com.pgedge.mcp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.pgedge.mcp.auth.AuthService;
import com.pgedge.mcp.auth.BearerResult;
import com.pgedge.mcp.auth.TokenRecord;
import com.pgedge.mcp.auth.UserRecord;
import com.pgedge.mcp.cli.CliHarness.Result;
import com.pgedge.mcp.config.ServerConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CliTest {

    private static final Pattern TOKEN_LINE = Pattern.compile("(?m)^Token:\\s+(\\S+)$");
    private static final Pattern ID_LINE = Pattern.compile("(?m)^ID:\\s+(\\S+)$");

    @TempDir
    Path tmp;
    CliHarness cli;
    Path tokens;
    Path users;

    @BeforeEach
    void setUp() throws IOException {
        cli = new CliHarness(Files.createDirectories(tmp.resolve("cwd")), Files.createDirectories(tmp.resolve("bin")));
        tokens = cli.launcher.resolve("pgedge-postgres-mcp-tokens.yaml");
        users = cli.launcher.resolve("pgedge-postgres-mcp-users.yaml");
    }

    private static String tokenOf(Result r) {
        Matcher m = TOKEN_LINE.matcher(r.out());
        assertThat(m.find()).as("token line in %s", r.out()).isTrue();
        return m.group(1);
    }

    private static String idOf(Result r) {
        Matcher m = ID_LINE.matcher(r.out());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private static void assertNoStackTrace(Result r) {
        assertThat(r.all()).doesNotContain("\tat ").doesNotContain("Exception:").doesNotContain(".java:");
    }

    private String resource(String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    // ---- exit codes and spellings -------------------------------------------------------

    @Test
    void helpAndVersionExitZero() {
        Result help = cli.run("", "-help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("Usage: pgedge-postgres-mcp").contains("-add-token, --add-token")
                .contains("-remove-token, --remove-token=ID|HASHPREFIX").contains("-db-sslmode");
        assertThat(cli.run("", "--help").code()).isZero();
        assertThat(cli.run("", "-h").code()).isZero();
        Result version = cli.run("", "-version");
        assertThat(version.code()).isZero();
        assertThat(version.out().strip()).isEqualTo("pgedge-postgres-mcp " + Version.current());
        assertThat(cli.run("", "--version").out()).contains(Version.current());
    }

    @Test
    void everyFlagOfTheSpecIsAccepted() {
        String help = cli.run("", "-help").out();
        for (String flag : List.of("config", "http", "addr", "tls", "cert", "key", "chain", "no-auth", "debug",
                "token-file", "user-file", "db-host", "db-port", "db-name", "db-user", "db-password", "db-sslmode",
                "add-token", "remove-token", "list-tokens", "token-note", "token-expiry", "token-database",
                "add-user", "update-user", "delete-user", "list-users", "enable-user", "disable-user", "username",
                "password", "user-note", "dev", "version", "help")) {
            assertThat(help).contains("-" + flag + ", --" + flag);
        }
    }

    @Test
    void unknownFlagIsAUsageError() {
        Result r = cli.run("", "-list-tokenz");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("ERROR: unknown flag '-list-tokenz'").contains(Cli.USAGE_HINT);
        assertThat(r.out()).isEmpty();
        assertNoStackTrace(r);
    }

    @Test
    void strayWordIsAUsageErrorThatDoesNotEchoIt() {
        Result r = cli.run("", "-add-user", "-username", "bob", "-password", "two", "words");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("ERROR: unexpected argument").doesNotContain("words");
        assertThat(Files.exists(users)).isFalse();
    }

    @Test
    void missingValueIsAUsageError() {
        Result r = cli.run("", "-remove-token");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("ERROR: ").contains("option '-remove-token'").doesNotContain("'--");
    }

    @Test
    void badNumberIsAUsageError() {
        Result r = cli.run("", "-db-port", "abc");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("ERROR: ").contains("db-port").contains("abc");
    }

    @Test
    void twoCommandsAtOnceAreAUsageError() {
        Result r = cli.run("", "-list-users", "-list-tokens");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("ERROR: give one command at a time, not -list-tokens and -list-users");
    }

    @Test
    void commandOptionsOutsideTheirCommandAreUsageErrors() {
        assertThat(cli.run("", "-list-tokens", "-token-note", "x").err())
                .contains("ERROR: -token-note can only be used with -add-token");
        assertThat(cli.run("", "-add-token", "-username", "x").err())
                .contains("ERROR: -username can only be used with -add-user");
        Result r = cli.run("", "-enable-user", "-username", "a", "-password", "x");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("ERROR: -password can only be used with -add-user or -update-user");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-add-token", "--add-token", "-add-token=true", "--add-token=yes", "-add-token=1"})
    void addTokenSpellings(String flag) {
        Result r = cli.run("", flag, "-token-note", "n", "-token-expiry", "never");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("Token created successfully!");
    }

    @Test
    void flagValueSpellings() throws IOException {
        Path custom = tmp.resolve("custom-tokens.yaml");
        assertThat(cli.run("", "-add-token", "-token-file=" + custom, "-token-note=one", "-token-expiry=1d").code())
                .isZero();
        assertThat(cli.run("", "--add-token", "--token-file", custom.toString(), "--token-note", "two",
                "--token-expiry", "never").code()).isZero();
        assertThat(cli.run("", "-add-token", "--token-file=" + custom, "-token-note", "three",
                "--token-expiry=2w").code()).isZero();
        try (AuthService auth = cli.openAuth(custom, tmp.resolve("u.yaml"))) {
            assertThat(auth.tokens()).extracting(TokenRecord::annotation)
                    .containsExactlyInAnyOrder("one", "two", "three");
        }
        assertThat(Files.exists(tokens)).isFalse();
    }

    @Test
    void falseBooleanFlagMeansNotGiven() {
        Result r = cli.run("", "-add-token=false", "-list-tokens");
        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("No tokens in ");
    }

    @Test
    void booleanFlagValueOnlyWithEquals() {
        Result r = cli.run("", "-http", "yes");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("-flag=true for a boolean");
    }

    @Test
    void badBooleanFlagValueIsAUsageError() {
        Result r = cli.run("", "-http=maybe");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("ERROR: Invalid value for option '-http': expected true/false, yes/no or 1/0, got 'maybe'");
    }

    @Test
    void atFilesAreNotExpanded() throws IOException {
        Path secretFile = Files.writeString(tmp.resolve("not-read.txt"), "from-the-file-1\n");
        Result r = cli.run("", "-add-user", "-username", "carol", "-password", "@" + secretFile, "-user-note", "");
        assertThat(r.code()).as(r.err()).isZero();
        try (AuthService auth = cli.openAuth(tokens, users)) {
            assertThat(auth.login("carol", "@" + secretFile, "127.0.0.1").succeeded()).isTrue();
        }
    }

    @Test
    void passwordStartingWithADashWorksWithEquals() {
        Result r = cli.run("", "-add-user", "-username", "dash", "-password=-starts-with-dash", "-user-note=");
        assertThat(r.code()).as(r.err()).isZero();
        try (AuthService auth = cli.openAuth(tokens, users)) {
            assertThat(auth.login("dash", "-starts-with-dash", "127.0.0.1").succeeded()).isTrue();
        }
    }

    // ---- tokens -------------------------------------------------------------------------

    @Test
    void addTokenPrintsItOnceAndItAuthenticatesThroughTheCore() throws IOException {
        Result r = cli.run("", "-add-token", "-token-note", "CI robot", "-token-expiry", "30d",
                "-token-database", "production");
        assertThat(r.code()).as(r.err()).isZero();
        String token = tokenOf(r);
        String id = idOf(r);
        assertThat(token).hasSize(44).matches("[A-Za-z0-9_-]{43}=");
        assertThat(r.out()).contains("Note:     CI robot")
                .contains("Database: production")
                .contains("Expires:  2026-01-23 12:00:00 UTC")
                .contains(TokenCommands.NOT_SHOWN_AGAIN)
                .contains("File:     " + tokens);
        assertThat(r.out().indexOf(token)).isEqualTo(r.out().lastIndexOf(token));
        assertThat(r.err()).doesNotContain(token);
        assertThat(id).isEqualTo("token-" + cli.clock.instant().getEpochSecond());

        String fileText = Files.readString(tokens);
        assertThat(fileText).doesNotContain(token).contains(AuthService.hashToken(token));
        assertThat(r.out()).contains("Hash:     " + AuthService.hashToken(token).substring(0, 12) + "...");

        try (AuthService auth = cli.openAuth(tokens, users)) {
            BearerResult ok = auth.checkBearer(token, "127.0.0.1");
            assertThat(ok.accepted()).isTrue();
            assertThat(ok.principal().name()).isEqualTo(id);
            assertThat(ok.principal().database()).isEqualTo("production");
            assertThat(auth.checkBearer(token + "x", "127.0.0.1").accepted()).isFalse();
        }

        Result list = cli.run("", "-list-tokens");
        assertThat(list.all()).doesNotContain(token);
        assertThat(list.out()).contains(id).contains("production").contains("CI robot").contains("Active");
    }

    @Test
    void addTokenAsksForNoteAndExpiryWhenNotGiven() {
        Result r = cli.run("Billing service\n12h\n", "-add-token");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains("Note for this token (optional): ").contains("Expires after");
        assertThat(r.out()).contains("Note:     Billing service").contains("Expires:  2025-12-25 00:00:00 UTC");
    }

    @Test
    void addTokenAtEndOfInputTakesTheDefaults() {
        Result r = cli.run("", "-add-token");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("Note:     (none)").contains("Expires:  Never").contains("Database: (any)");
    }

    @Test
    void addTokenDoesNotAskForWhatFlagsGave() {
        ScriptedTerminal terminal = new ScriptedTerminal();
        Result r = cli.runOnTerminal(terminal, "-add-token", "-token-note", "x", "-token-expiry", "1y");
        assertThat(r.code()).isZero();
        assertThat(terminal.prompts).isEmpty();
    }

    @Test
    void badExpiryFlagIsAUsageErrorAndWritesNothing() {
        Result r = cli.run("", "-add-token", "-token-expiry", "5 days");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("ERROR: -token-expiry: Invalid expiry '5 days'");
        assertThat(Files.exists(tokens)).isFalse();
    }

    @Test
    void badTypedExpiryIsACommandError() {
        Result r = cli.run("note\nsoon\n", "-add-token");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("ERROR: Invalid expiry 'soon'");
        assertThat(Files.exists(tokens)).isFalse();
    }

    @Test
    void addTokenNeedsNoDatabaseConfiguration() throws IOException {
        Files.writeString(cli.cwd.resolve("pgedge-postgres-mcp.yaml"), "databases:\n  - {host: nowhere}\n");
        cli.env.put("PGPORT", "not-a-port");
        cli.env.put("PGEDGE_DB_SSLMODE", "bogus");
        Result r = cli.run("", "-add-token", "-token-note", "n", "-token-expiry", "never");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(Files.exists(cli.cwd.resolve("pgedge-postgres-mcp-tokens.yaml"))).isTrue();
    }

    @Test
    void removeTokenByIdAndByHashPrefix() {
        String first = tokenOf(cli.run("", "-add-token", "-token-note", "a", "-token-expiry", "never"));
        cli.clock.advance(Duration.ofSeconds(1));
        Result second = cli.run("", "-add-token", "-token-note", "b", "-token-expiry", "never");
        String secondId = idOf(second);

        Result byId = cli.run("", "-remove-token", secondId);
        assertThat(byId.code()).as(byId.err()).isZero();
        assertThat(byId.out()).contains("Token removed: " + secondId);

        String prefix = AuthService.hashToken(first).substring(0, 10);
        Result byPrefix = cli.run("", "--remove-token=" + prefix);
        assertThat(byPrefix.code()).as(byPrefix.err()).isZero();
        assertThat(byPrefix.out()).contains("note: a");
        try (AuthService auth = cli.openAuth(tokens, users)) {
            assertThat(auth.tokens()).isEmpty();
            assertThat(auth.checkBearer(first, "127.0.0.1").accepted()).isFalse();
        }
    }

    @Test
    void removeTokenErrors() throws IOException {
        Files.writeString(tokens, """
                tokens:
                    token-1:
                        hash: abcdef0111111111111111111111111111111111111111111111111111111111
                        expires_at: null
                        annotation: one
                    token-2:
                        hash: abcdef0122222222222222222222222222222222222222222222222222222222
                        expires_at: null
                        annotation: two
                """);
        Result ambiguous = cli.run("", "-remove-token", "abcdef01");
        assertThat(ambiguous.code()).isEqualTo(1);
        assertThat(ambiguous.err()).startsWith("ERROR: ").contains("token-1").contains("token-2");
        Result unknown = cli.run("", "-remove-token", "token-999");
        assertThat(unknown.code()).isEqualTo(1);
        assertThat(unknown.err()).startsWith("ERROR: ").contains("token-999");
        Result tooLong = cli.run("", "-remove-token", "a".repeat(10_000));
        assertThat(tooLong.code()).isEqualTo(2);
        assertThat(tooLong.err()).hasSizeLessThan(400);
        try (AuthService auth = cli.openAuth(tokens, users)) {
            assertThat(auth.tokens()).hasSize(2);
        }
    }

    @Test
    void referenceTokenFileIsListedCorrectly() throws IOException {
        Files.writeString(tokens, resource("reference-tokens.yaml"));
        Result r = cli.run("", "-list-tokens");
        assertThat(r.code()).as(r.err()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("API tokens in " + tokens + " (times in UTC):");
        assertThat(lines).contains(
                "ID                Hash Prefix   Database    Expires           Status  Annotation",
                "----------------  ------------  ----------  ----------------  ------  --------------",
                "token-1766503601  e99fbcaf4ca3  production  2026-01-22 15:26  Active  Production API");

        // The same token once its expiry has passed.
        cli.clock.advance(Duration.ofDays(40));
        assertThat(cli.run("", "-list-tokens").out())
                .contains("token-1766503601  e99fbcaf4ca3  production  2026-01-22 15:26  EXPIRED  Production API")
                .contains("1 token(s), 1 expired");

        // The test vector from the spec authenticates against the reference file.
        cli.clock.advance(Duration.ofDays(-40));
        try (AuthService auth = cli.openAuth(tokens, users)) {
            assertThat(auth.checkBearer("UojQKv-v4hvLJcAHdRc0iLfpFeLEUHGPK_vmv-izzTM=", "127.0.0.1").accepted()).isTrue();
        }
    }

    @Test
    void tokensAreSortedAndUnboundTokensShowAny() throws IOException {
        Files.writeString(tokens, """
                tokens:
                    token-300:
                        hash: 3333333333333333333333333333333333333333333333333333333333333333
                        expires_at: null
                        annotation: third
                    token-100:
                        hash: 1111111111111111111111111111111111111111111111111111111111111111
                        expires_at: 2025-01-01
                        annotation: first
                    token-200:
                        hash: 2222222222222222222222222222222222222222222222222222222222222222
                        annotation: ""
                """);
        List<String> rows = cli.run("", "-list-tokens").out().lines().filter(l -> l.startsWith("token-")).toList();
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0)).startsWith("token-100").contains("(any)").contains("2025-01-01 00:00").contains("EXPIRED");
        assertThat(rows.get(1)).startsWith("token-200").contains("Never").contains("Active");
        assertThat(rows.get(2)).startsWith("token-300").endsWith("third");
    }

    @Test
    void hostileAnnotationsCannotDriveTheTerminal() throws IOException {
        Files.writeString(tokens, "tokens:\n  token-1:\n    hash: \"" + "a".repeat(64)
                + "\"\n    annotation: \"evil\\e[2J\\u202Eoops\"\n");
        Result r = cli.run("", "-list-tokens");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).doesNotContain("\u001b").doesNotContain("\u202E").contains("evil?[2J?oops");
    }

    @Test
    void emptyStoresSaySo() {
        assertThat(cli.run("", "-list-tokens").out()).isEqualTo("No tokens in " + tokens + System.lineSeparator());
        assertThat(cli.run("", "-list-users").out()).isEqualTo("No users in " + users + System.lineSeparator());
    }

    @Test
    void brokenTokenFileIsACommandErrorNamingIt() throws IOException {
        Files.writeString(tokens, "tokens: [oops\n");
        Result r = cli.run("", "-list-tokens");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).startsWith("ERROR: ").contains(tokens.toString());
        assertNoStackTrace(r);
    }

    // ---- users --------------------------------------------------------------------------

    @Test
    void referenceUserFileIsListedCorrectly() throws IOException {
        Files.writeString(users, resource("reference-users.yaml"));
        Result r = cli.run("", "-list-users");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out().lines().toList()).contains(
                "Users in " + users + " (times in UTC):",
                "Username  Created           Last Login        Status   Failed Attempts  Annotation",
                "--------  ----------------  ----------------  -------  ---------------  -----------------------",
                "alice     2025-12-21 15:26  2025-12-23 14:26  Enabled  0                Alice Smith - Developer");
        assertThat(r.out()).doesNotContain("$2a$");
        try (AuthService auth = cli.openAuth(tokens, users)) {
            assertThat(auth.login("alice", "SecurePassword123!", "127.0.0.1").succeeded()).isTrue();
        }
    }

    @Test
    void addUserWithFlagsThenLogin() {
        Result r = cli.run("", "-add-user", "-username", "bob", "-password", "Correct-Horse-1", "-user-note", "Bob B");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("User 'bob' created (enabled)");
        assertThat(r.all()).doesNotContain("Correct-Horse-1");
        assertThat(cli.run("", "-list-users").out()).containsPattern("(?m)^bob\\s+2025-12-24 12:00\\s+Never\\s+Enabled\\s+0\\s+Bob B$");
        try (AuthService auth = cli.openAuth(tokens, users)) {
            assertThat(auth.login("bob", "Correct-Horse-1", "127.0.0.1").succeeded()).isTrue();
            assertThat(auth.user("bob")).get().extracting(UserRecord::annotation).isEqualTo("Bob B");
        }
        // The login the server recorded shows up for the admin.
        assertThat(cli.run("", "-list-users").out()).containsPattern("(?m)^bob\\s+2025-12-24 12:00\\s+2025-12-24 12:00\\s+Enabled");
    }

    @Test
    void addUserReadsMissingValuesFromStandardInput() {
        Result r = cli.run("dora\nPiped-Password-1\nDora the admin\n", "-add-user");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.all()).doesNotContain("Piped-Password-1");
        try (AuthService auth = cli.openAuth(tokens, users)) {
            assertThat(auth.login("dora", "Piped-Password-1", "127.0.0.1").succeeded()).isTrue();
            assertThat(auth.user("dora").orElseThrow().annotation()).isEqualTo("Dora the admin");
        }
    }

    @Test
    void addUserOnATerminalAsksThePasswordTwiceWithoutEcho() {
        ScriptedTerminal terminal = new ScriptedTerminal("Typed-Password-1", "Typed-Password-1", "");
        Result r = cli.runOnTerminal(terminal, "-add-user", "-username", "erin");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(terminal.passwordPrompts).containsExactly("Password: ", "Confirm password: ");
        try (AuthService auth = cli.openAuth(tokens, users)) {
            assertThat(auth.login("erin", "Typed-Password-1", "127.0.0.1").succeeded()).isTrue();
        }
    }

    @Test
    void mismatchedConfirmationCreatesNobody() {
        ScriptedTerminal terminal = new ScriptedTerminal("Typed-Password-1", "Typed-Password-2");
        Result r = cli.runOnTerminal(terminal, "-add-user", "-username", "erin", "-user-note", "x");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("ERROR: the passwords do not match" + System.lineSeparator());
        assertThat(Files.exists(users)).isFalse();
    }

    @Test
    void passwordAtEndOfInputIsAnError() {
        Result r = cli.run("", "-add-user", "-username", "frank");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("ERROR: no password given");
        assertThat(Files.exists(users)).isFalse();
    }

    @Test
    void passwordRulesComeFromTheCore() {
        Result tooLong = cli.run("", "-add-user", "-username", "g", "-password", "A".repeat(73), "-user-note", "");
        assertThat(tooLong.code()).isEqualTo(1);
        assertThat(tooLong.err()).startsWith("ERROR: ").contains("72");
        Result empty = cli.run("", "-add-user", "-username", "g", "-password", "", "-user-note", "");
        assertThat(empty.code()).isEqualTo(1);
        Result typed = cli.run("\n", "-add-user", "-username", "g", "-user-note", "");
        assertThat(typed.code()).isEqualTo(1);
        assertThat(Files.exists(users)).isFalse();
    }

    @Test
    void duplicateUserIsACommandError() {
        assertThat(cli.run("", "-add-user", "-username", "h", "-password", "Password-123", "-user-note", "").code()).isZero();
        Result again = cli.run("", "-add-user", "-username", "h", "-password", "Password-456", "-user-note", "");
        assertThat(again.code()).isEqualTo(1);
        assertThat(again.err()).contains("ERROR: User 'h' already exists");
    }

    @Test
    void updateUserPasswordAndNote() {
        cli.run("", "-add-user", "-username", "ivy", "-password", "Old-Password-1", "-user-note", "old note");
        Result pw = cli.run("", "-update-user", "-username", "ivy", "-password", "New-Password-1");
        assertThat(pw.code()).as(pw.err()).isZero();
        assertThat(pw.out()).contains("User 'ivy' updated: password changed");
        Result note = cli.run("", "-update-user", "-username", "ivy", "-user-note", "new note");
        assertThat(note.out()).contains("note changed");
        try (AuthService auth = cli.openAuth(tokens, users)) {
            assertThat(auth.login("ivy", "Old-Password-1", "127.0.0.1").succeeded()).isFalse();
            assertThat(auth.login("ivy", "New-Password-1", "127.0.0.2").succeeded()).isTrue();
            assertThat(auth.user("ivy").orElseThrow().annotation()).isEqualTo("new note");
        }
    }

    @Test
    void updateUserAsksWhatToChange() {
        cli.run("", "-add-user", "-username", "jo", "-password", "Old-Password-1", "-user-note", "old");
        Result r = cli.run("y\nPiped-New-Pass-1\nyes\nfresh note\n", "-update-user", "-username", "jo");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("password and note changed");
        try (AuthService auth = cli.openAuth(tokens, users)) {
            assertThat(auth.login("jo", "Piped-New-Pass-1", "127.0.0.1").succeeded()).isTrue();
            assertThat(auth.user("jo").orElseThrow().annotation()).isEqualTo("fresh note");
        }
        Result nothing = cli.run("", "-update-user", "-username", "jo");
        assertThat(nothing.code()).isEqualTo(1);
        assertThat(nothing.err()).contains("ERROR: nothing to change for user 'jo'");
    }

    @Test
    void updateUnknownUserIsAnError() {
        Result r = cli.run("", "-update-user", "-username", "ghost", "-password", "Some-Password-1");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("ERROR: User 'ghost' not found");
    }

    @Test
    void deleteUserDefaultsToNo() {
        cli.run("", "-add-user", "-username", "kim", "-password", "Password-123", "-user-note", "");
        Result eof = cli.run("", "-delete-user", "-username", "kim");
        assertThat(eof.code()).isEqualTo(1);
        assertThat(eof.err()).contains("Delete user 'kim'? This cannot be undone. [y/N]: ")
                .contains("ERROR: deletion cancelled; user 'kim' was not deleted");
        Result no = cli.run("n\n", "-delete-user", "-username", "kim");
        assertThat(no.code()).isEqualTo(1);
        Result blank = cli.run("\n", "-delete-user", "-username", "kim");
        assertThat(blank.code()).isEqualTo(1);
        try (AuthService auth = cli.openAuth(tokens, users)) {
            assertThat(auth.user("kim")).isPresent();
        }
        Result yes = cli.run("YES\n", "-delete-user", "-username", "kim");
        assertThat(yes.code()).as(yes.err()).isZero();
        assertThat(yes.out()).contains("User 'kim' deleted");
        try (AuthService auth = cli.openAuth(tokens, users)) {
            assertThat(auth.user("kim")).isEmpty();
        }
    }

    @Test
    void deleteUnknownUserFailsBeforeAsking() {
        Result r = cli.run("y\n", "-delete-user", "-username", "nobody");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).doesNotContain("[y/N]").contains("ERROR: User 'nobody' not found");
    }

    @Test
    void usernameIsAskedWhenNotGiven() {
        cli.run("", "-add-user", "-username", "lee", "-password", "Password-123", "-user-note", "");
        Result r = cli.run("lee\n", "-disable-user");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains("Username to disable: ");
        Result none = cli.run("", "-enable-user");
        assertThat(none.code()).isEqualTo(1);
        assertThat(none.err()).contains("ERROR: a username is required: give -username NAME");
    }

    @Test
    void disableEnableAndLockedStatus() throws IOException {
        Files.writeString(cli.cwd.resolve("pgedge-postgres-mcp.yaml"), "http:\n  auth:\n    max_failed_attempts_before_lockout: 3\n"
                + "    token_file: " + tokens + "\n    user_file: " + users + "\n");
        Files.writeString(users, """
                users:
                    locked:
                        username: locked
                        password_hash: $2a$12$fZyjmfv0zjzCudJFuNQjkOZMHejxLtzp7yY2h7cM6d15pE3jIR1EG
                        created_at: 2025-12-21T15:26:41Z
                        last_login: null
                        enabled: false
                        annotation: ""
                        failed_attempts: 3
                    open:
                        username: open
                        password_hash: $2a$12$fZyjmfv0zjzCudJFuNQjkOZMHejxLtzp7yY2h7cM6d15pE3jIR1EG
                        created_at: 2025-12-21T15:26:41Z
                        enabled: true
                        annotation: ""
                        failed_attempts: 1
                """);
        String list = cli.run("", "-list-users").out();
        assertThat(list).containsPattern("(?m)^locked\\s+2025-12-21 15:26\\s+Never\\s+LOCKED\\s+3$");
        assertThat(list).containsPattern("(?m)^open\\s+.*Enabled\\s+1$");

        Result disable = cli.run("", "-disable-user", "-username", "open");
        assertThat(disable.code()).as(disable.err()).isZero();
        assertThat(cli.run("", "-list-users").out()).containsPattern("(?m)^open\\s+.*DISABLED\\s+1$");

        Result enable = cli.run("", "-enable-user", "-username", "locked");
        assertThat(enable.code()).as(enable.err()).isZero();
        assertThat(enable.out()).contains("User 'locked' enabled (failed attempts reset from 3 to 0)");
        assertThat(cli.run("", "-list-users").out()).containsPattern("(?m)^locked\\s+.*Enabled\\s+0$");
    }

    @Test
    void usersAreSorted() {
        for (String name : List.of("zed", "Amy", "bob")) {
            assertThat(cli.run("", "-add-user", "-username", name, "-password", "Password-123", "-user-note", "").code())
                    .isZero();
        }
        List<String> rows = cli.run("", "-list-users").out().lines()
                .filter(l -> l.matches("^(zed|Amy|bob) .*")).toList();
        assertThat(rows).extracting(l -> l.split(" ")[0]).containsExactly("Amy", "bob", "zed");
    }

    // ---- files: the same paths as the server --------------------------------------------

    @Test
    void adminCommandsUseTheConfigFileFoundLikeTheServer() throws IOException {
        Path conf = Files.createDirectories(tmp.resolve("etc"));
        Files.writeString(conf.resolve("pgedge-postgres-mcp.yaml"),
                "http:\n  auth:\n    token_file: ./secrets/t.yaml\n    user_file: ./secrets/u.yaml\n");
        Result r = cli.run("", "-config", conf.resolve("pgedge-postgres-mcp.yaml").toString(), "-add-token",
                "-token-note", "via config", "-token-expiry", "never");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("File:     " + conf.resolve("secrets/t.yaml"));
        assertThat(Files.readString(conf.resolve("secrets/t.yaml"))).contains("via config");

        // Found without -config in the launcher's folder too.
        Files.copy(conf.resolve("pgedge-postgres-mcp.yaml"), cli.launcher.resolve("pgedge-postgres-mcp.yaml"));
        Files.createDirectories(cli.launcher.resolve("secrets"));
        Files.copy(conf.resolve("secrets/t.yaml"), cli.launcher.resolve("secrets/t.yaml"));
        assertThat(cli.run("", "-list-tokens").out()).contains("via config")
                .contains(cli.launcher.resolve("secrets/t.yaml").toString());
    }

    @Test
    void environmentThenFlagsOverrideTheFile() throws IOException {
        Files.writeString(cli.cwd.resolve("pgedge-postgres-mcp.yaml"), "http:\n  auth:\n    token_file: file.yaml\n");
        cli.env.put("PGEDGE_AUTH_TOKEN_FILE", "env.yaml");
        cli.run("", "-add-token", "-token-note", "to env", "-token-expiry", "never");
        assertThat(Files.readString(cli.cwd.resolve("env.yaml"))).contains("to env");
        cli.run("", "-add-token", "-token-file", "flag.yaml", "-token-note", "to flag", "-token-expiry", "never");
        assertThat(Files.readString(cli.cwd.resolve("flag.yaml"))).contains("to flag");
        assertThat(Files.exists(cli.cwd.resolve("file.yaml"))).isFalse();
    }

    @Test
    void badConfigurationIsACommandError() {
        cli.env.put("PGEDGE_AUTH_ENABLED", "perhaps");
        Result r = cli.run("", "-list-tokens");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("ERROR: PGEDGE_AUTH_ENABLED: expected true/false, yes/no or 1/0, got 'perhaps'"
                + System.lineSeparator());
        Result missing = cli.run("", "-config", "missing.yaml", "-list-users");
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.err()).contains("ERROR: -config: configuration file " + cli.cwd.resolve("missing.yaml")
                + " does not exist");
    }

    @Test
    void unknownConfigKeysAreWarnedOnStandardError() throws IOException {
        Files.writeString(cli.cwd.resolve("pgedge-postgres-mcp.yaml"), "http:\n  adress: x\n");
        Result r = cli.run("", "-list-tokens");
        assertThat(r.code()).isZero();
        assertThat(r.err()).contains("WARNING: unknown or unsupported key http.adress in ");
        assertThat(r.out()).doesNotContain("WARNING");
    }

    // ---- server mode --------------------------------------------------------------------

    @Test
    void withoutACommandTheServerLauncherGetsTheResolvedConfig() throws IOException {
        AtomicReference<ServerConfig> seen = new AtomicReference<>();
        cli.server = (config, io) -> {
            seen.set(config);
            io.stderr().println("started");
            return 0;
        };
        Files.writeString(cli.cwd.resolve("pgedge-postgres-mcp.yaml"), "http:\n  address: ':9000'\n");
        cli.env.put("PGEDGE_DB_USER", "reader");
        Result r = cli.run("", "-http", "--addr=127.0.0.1:9100", "-db-name", "shop", "-debug", "-no-auth");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains("started");
        ServerConfig c = seen.get();
        assertThat(c.http().enabled()).isTrue();
        assertThat(c.http().address()).isEqualTo("127.0.0.1:9100");
        assertThat(c.http().auth().enabled()).isFalse();
        assertThat(c.debug()).isTrue();
        assertThat(c.databases()).singleElement().satisfies(db -> {
            assertThat(db.user()).isEqualTo("reader");
            assertThat(db.database()).isEqualTo("shop");
        });
        assertThat(c.configFile()).isEqualTo(cli.cwd.resolve("pgedge-postgres-mcp.yaml"));
    }

    @Test
    void serverExitCodeIsPassedOn() {
        cli.server = (config, io) -> 3;
        assertThat(cli.run("", "-dev").code()).isEqualTo(3);
    }

    @Test
    void placeholderLauncherSaysServerModeIsUnavailable() {
        Result r = cli.run("");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("ERROR: server mode not available in this build" + System.lineSeparator());
    }

    @Test
    void serverFailureIsOneLineWithoutStackTrace() {
        cli.server = (config, io) -> {
            throw new IllegalStateException("port 8080 is already in use\n\tat somewhere");
        };
        Result r = cli.run("", "-http");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("ERROR: unexpected IllegalStateException: port 8080 is already in use"
                + System.lineSeparator());
    }

    @Test
    void serverFailureWithAProductMessageIsShownAsItIs() {
        cli.server = (config, io) -> {
            throw new com.pgedge.mcp.http.HttpServerException("cannot listen on 127.0.0.1:8080: address in use");
        };
        Result r = cli.run("", "-http");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("ERROR: cannot listen on 127.0.0.1:8080: address in use" + System.lineSeparator());
    }

    @Test
    void serverConfigErrorsStopBeforeTheLauncher() {
        AtomicReference<ServerConfig> seen = new AtomicReference<>();
        cli.server = (config, io) -> {
            seen.set(config);
            return 0;
        };
        cli.env.put("PGPORT", "x");
        cli.env.put("PGUSER", "u");
        Result r = cli.run("", "-http");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("ERROR: PGPORT: expected a whole number from 1 to 65535, got 'x'");
        assertThat(seen.get()).isNull();
    }

    // ---- secrets ------------------------------------------------------------------------

    @Test
    void noSecretInAnyOutput() {
        cli.env.put("PGEDGE_DB_PASSWORD", "db-secret-env");
        Result add = cli.run("", "-add-user", "-username", "max", "-password", "User-Secret-1", "-user-note", "",
                "-db-password", "db-secret-flag");
        Result upd = cli.run("New-Secret-2\n", "-update-user", "-username", "max", "-user-note", "n",
                "-db-password", "db-secret-flag");
        Result list = cli.run("", "-list-users");
        Result bad = cli.run("", "-add-user", "-username", "max", "-password", "User-Secret-3", "-user-note", "");
        for (Result r : List.of(add, upd, list, bad)) {
            assertThat(r.all()).doesNotContain("User-Secret").doesNotContain("New-Secret")
                    .doesNotContain("db-secret").doesNotContain("$2a$");
        }
    }

    @Test
    void noStackTraceForUnexpectedFailures() throws IOException {
        // A folder where the token file should be: the core cannot read it.
        Files.createDirectories(tokens);
        Result r = cli.run("", "-add-token", "-token-note", "x", "-token-expiry", "never");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).startsWith("ERROR: ");
        assertThat(r.err().lines().count()).isEqualTo(1);
        assertNoStackTrace(r);
    }

    @Test
    void addedTokenWorksOnlyUntilItExpires() {
        Result r = cli.run("", "-add-token", "-token-note", "short", "-token-expiry", "1h");
        String token = tokenOf(r);
        try (AuthService auth = cli.openAuth(tokens, users)) {
            assertThat(auth.checkBearer(token, "127.0.0.1").accepted()).isTrue();
            cli.clock.advance(Duration.ofHours(1).plusSeconds(1));
            assertThat(auth.checkBearer(token, "127.0.0.1").accepted()).isFalse();
        }
        assertThat(cli.run("", "-list-tokens").out()).contains("EXPIRED");
        assertThat(Instant.parse("2025-12-24T13:00:01Z")).isEqualTo(cli.clock.instant());
    }
}
