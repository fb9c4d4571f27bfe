package com.pgedge.mcp.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Questions answered from standard input when there is no terminal (a pipe, a file, a test):
 * one line per answer. Prompts go to standard error, so standard output holds only results.
 * Standard input is not touched until the first question, because in server mode it carries
 * the MCP protocol.
 */
final class StreamPrompter implements Prompter {

    /** Longer answers are cut: nobody types a megabyte of note, and memory stays bounded. */
    static final int MAX_LINE = 64 * 1024;

    private final InputStream in;
    private final PrintStream prompts;
    private BufferedReader reader;
    private boolean ended;

    StreamPrompter(InputStream in, PrintStream prompts) {
        this.in = in;
        this.prompts = prompts;
    }

    @Override
    public synchronized String readLine(String prompt) {
        prompts.print(prompt);
        prompts.flush();
        String line = next();
        // Piped answers are not echoed: end the prompt's line so the next one starts afresh.
        prompts.println();
        return line;
    }

    @Override
    public char[] readPassword(String prompt) {
        String line = readLine(prompt);
        return line == null ? null : line.toCharArray();
    }

    @Override
    public boolean isTerminal() {
        return false;
    }

    private String next() {
        if (ended) {
            return null;
        }
        try {
            if (reader == null) {
                reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
            StringBuilder line = new StringBuilder();
            int c;
            while ((c = reader.read()) != -1) {
                if (c == '\n') {
                    return stripCr(line);
                }
                if (line.length() < MAX_LINE) {
                    line.append((char) c);
                }
            }
            ended = true;
            return line.length() == 0 ? null : stripCr(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String stripCr(StringBuilder line) {
        int n = line.length();
        return n > 0 && line.charAt(n - 1) == '\r' ? line.substring(0, n - 1) : line.toString();
    }
}
