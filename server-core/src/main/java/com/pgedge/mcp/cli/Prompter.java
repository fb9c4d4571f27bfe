package com.pgedge.mcp.cli;

import java.util.Locale;

/**
 * Asks the person at the keyboard for what the flags did not give. Two kinds: a terminal
 * ({@link ConsolePrompter}, passwords without echo, new passwords confirmed) and plain standard
 * input ({@link StreamPrompter}, one line per answer, for scripts). At end of input every
 * question takes its default, and a password has none.
 */
public interface Prompter {

    /** One line, without its line break, or {@code null} at end of input. */
    String readLine(String prompt);

    /** A password, not echoed when possible, or {@code null} at end of input. */
    char[] readPassword(String prompt);

    /** True for a real terminal: then a new password is asked twice. */
    boolean isTerminal();

    /** The answer, stripped; {@code defaultValue} at end of input or for an empty answer. */
    default String ask(String prompt, String defaultValue) {
        String line = readLine(prompt);
        return line == null || line.isBlank() ? defaultValue : line.strip();
    }

    /** True only for {@code y} or {@code yes} (any case); end of input means no. */
    default boolean confirm(String prompt) {
        String line = readLine(prompt);
        if (line == null) {
            return false;
        }
        String answer = line.strip().toLowerCase(Locale.ROOT);
        return answer.equals("y") || answer.equals("yes");
    }
}
