package com.pgedge.mcp.cli;

import java.io.Console;
import java.util.Objects;

/** Questions on the terminal; passwords are read without echo. */
final class ConsolePrompter implements Prompter {

    private final Console console;

    ConsolePrompter(Console console) {
        this.console = Objects.requireNonNull(console, "console");
    }

    @Override
    public String readLine(String prompt) {
        // "%s" so that a '%' in a prompt (a username, say) is never read as a format.
        return console.readLine("%s", prompt);
    }

    @Override
    public char[] readPassword(String prompt) {
        return console.readPassword("%s", prompt);
    }

    @Override
    public boolean isTerminal() {
        return true;
    }
}
