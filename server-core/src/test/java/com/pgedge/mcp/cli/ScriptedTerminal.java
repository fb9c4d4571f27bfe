package com.pgedge.mcp.cli;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Stands in for {@link java.io.Console}, which cannot be created in a test: answers come from a
 * script, and every prompt is recorded with whether it was a no-echo password read. Running out
 * of answers is end of input, as on a real terminal after Ctrl-D.
 */
final class ScriptedTerminal implements Prompter {

    private final Deque<String> answers = new ArrayDeque<>();
    final List<String> prompts = new ArrayList<>();
    final List<String> passwordPrompts = new ArrayList<>();

    ScriptedTerminal(String... answers) {
        this.answers.addAll(List.of(answers));
    }

    @Override
    public String readLine(String prompt) {
        prompts.add(prompt);
        return answers.poll();
    }

    @Override
    public char[] readPassword(String prompt) {
        prompts.add(prompt);
        passwordPrompts.add(prompt);
        String a = answers.poll();
        return a == null ? null : a.toCharArray();
    }

    @Override
    public boolean isTerminal() {
        return true;
    }
}
