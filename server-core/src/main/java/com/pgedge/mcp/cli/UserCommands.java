package com.pgedge.mcp.cli;

import com.pgedge.mcp.auth.AccountStatus;
import com.pgedge.mcp.auth.AuthService;
import com.pgedge.mcp.auth.UserRecord;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The user commands, over the auth core. Passwords are read without echo on a terminal and
 * asked twice there; they are never printed, logged or kept longer than needed.
 */
final class UserCommands {

    private final AuthService auth;
    private final PrintStream out;
    private final Prompter prompter;

    UserCommands(AuthService auth, PrintStream out, Prompter prompter) {
        this.auth = auth;
        this.out = out;
        this.prompter = prompter;
    }

    int add(String username, String password, String note) {
        String name = username(username, "Username: ");
        String pw = password != null ? password : newPassword("Password", "Confirm password");
        String annotation = note != null ? note : prompter.ask("Note for this user (optional): ", "");
        UserRecord u = auth.addUser(name, pw, annotation);
        out.println("User '" + Printable.of(u.username()) + "' created (enabled) in " + auth.userFile());
        return 0;
    }

    /**
     * Changes the password and/or the note. Flags say what to change; with neither flag the
     * person is asked, and end of input changes nothing (an error).
     */
    int update(String username, String password, String note) {
        String name = username(username, "Username: ");
        requireUser(name);
        String pw = password;
        String annotation = note;
        if (password == null && note == null) {
            if (prompter.confirm("Change the password? [y/N]: ")) {
                pw = newPassword("New password", "Confirm new password");
            }
            if (prompter.confirm("Change the note? [y/N]: ")) {
                annotation = prompter.ask("New note (empty to clear): ", "");
            }
            if (pw == null && annotation == null) {
                throw new CliFailure("nothing to change for user '" + Printable.of(name)
                        + "': give -password and/or -user-note");
            }
        }
        UserRecord u = auth.updateUser(name, pw, annotation);
        String what = pw != null && annotation != null ? "password and note changed"
                : pw != null ? "password changed" : "note changed";
        out.println("User '" + Printable.of(u.username()) + "' updated: " + what);
        return 0;
    }

    /** Asks for confirmation first; anything but y/yes, and end of input, keeps the user. */
    int delete(String username) {
        String name = username(username, "Username to delete: ");
        UserRecord u = requireUser(name);
        String shown = Printable.of(u.username());
        if (!prompter.confirm("Delete user '" + shown + "'? This cannot be undone. [y/N]: ")) {
            throw new CliFailure("deletion cancelled; user '" + shown + "' was not deleted");
        }
        auth.deleteUser(u.username());
        out.println("User '" + shown + "' deleted");
        return 0;
    }

    int enable(String username) {
        String name = username(username, "Username to enable: ");
        UserRecord before = requireUser(name);
        UserRecord u = auth.enableUser(name);
        String extra = before.failedAttempts() > 0 ? " (failed attempts reset from " + before.failedAttempts()
                + " to 0)" : "";
        out.println("User '" + Printable.of(u.username()) + "' enabled" + extra);
        return 0;
    }

    int disable(String username) {
        String name = username(username, "Username to disable: ");
        UserRecord u = auth.disableUser(name);
        out.println("User '" + Printable.of(u.username()) + "' disabled");
        return 0;
    }

    int list() {
        List<UserRecord> users = auth.users().stream()
                .sorted(Comparator.comparing(UserRecord::username, String.CASE_INSENSITIVE_ORDER)
                        .thenComparing(UserRecord::username))
                .toList();
        if (users.isEmpty()) {
            out.println("No users in " + auth.userFile());
            return 0;
        }
        out.println("Users in " + auth.userFile() + " (times in UTC):");
        out.println();
        TextTable table = new TextTable("Username", "Created", "Last Login", "Status", "Failed Attempts", "Annotation");
        for (UserRecord u : users) {
            table.add(Printable.of(u.username(), 40), Times.minutes(u.createdAt(), "Unknown"),
                    Times.minutes(u.lastLogin(), "Never"), statusText(auth.statusOf(u)),
                    Integer.toString(u.failedAttempts()), Printable.of(u.annotation(), 60));
        }
        table.print(out);
        out.println();
        out.println(users.size() + " user(s)");
        return 0;
    }

    static String statusText(AccountStatus status) {
        return switch (status) {
            case ENABLED -> "Enabled";
            case DISABLED -> "DISABLED";
            case LOCKED -> "LOCKED";
        };
    }

    private String username(String given, String prompt) {
        String name = given != null ? given : prompter.ask(prompt, "");
        if (name.isBlank()) {
            throw new CliFailure("a username is required: give -username NAME");
        }
        return name.strip();
    }

    private UserRecord requireUser(String name) {
        return auth.user(name).orElseThrow(() -> new CliFailure("User '" + Printable.of(name, 60) + "' not found"));
    }

    /** Reads a new password; on a terminal it must be typed twice, the same way. */
    private String newPassword(String label, String confirmLabel) {
        char[] first = prompter.readPassword(label + ": ");
        if (first == null) {
            throw new CliFailure("no password given (end of input): type one, or give -password");
        }
        try {
            String problem = AuthService.passwordProblem(new String(first));
            if (problem != null) {
                throw new CliFailure(problem);
            }
            if (prompter.isTerminal()) {
                char[] second = prompter.readPassword(confirmLabel + ": ");
                try {
                    if (second == null || !MessageDigest.isEqual(utf8(first), utf8(second))) {
                        throw new CliFailure("the passwords do not match");
                    }
                } finally {
                    if (second != null) {
                        Arrays.fill(second, '\0');
                    }
                }
            }
            return new String(first);
        } finally {
            Arrays.fill(first, '\0');
        }
    }

    private static byte[] utf8(char[] chars) {
        ByteBuffer bytes = StandardCharsets.UTF_8.encode(CharBuffer.wrap(chars));
        return Arrays.copyOf(bytes.array(), bytes.limit());
    }
}
