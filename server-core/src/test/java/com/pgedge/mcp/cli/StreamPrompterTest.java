package com.pgedge.mcp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StreamPrompterTest {

    private final ByteArrayOutputStream prompts = new ByteArrayOutputStream();

    private StreamPrompter prompter(String input) {
        return new StreamPrompter(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(prompts, true, StandardCharsets.UTF_8));
    }

    @Test
    void oneLinePerAnswerWithWindowsLineEndingsAndALastLineWithoutNewline() {
        StreamPrompter p = prompter("first\r\nsecond\nlast");
        assertThat(p.readLine("a: ")).isEqualTo("first");
        assertThat(p.readLine("b: ")).isEqualTo("second");
        assertThat(p.readLine("c: ")).isEqualTo("last");
        assertThat(p.readLine("d: ")).isNull();
        assertThat(p.readPassword("e: ")).isNull();
        assertThat(prompts.toString(StandardCharsets.UTF_8)).contains("a: ").contains("e: ");
        assertThat(p.isTerminal()).isFalse();
    }

    @Test
    void unicodeAnswersSurvive() {
        assertThat(prompter("Zoë 😀 ü\n").readLine("? ")).isEqualTo("Zoë 😀 ü");
    }

    @Test
    void endOfInputTakesDefaultsAndMeansNo() {
        StreamPrompter p = prompter("");
        assertThat(p.ask("note: ", "fallback")).isEqualTo("fallback");
        assertThat(p.confirm("sure? ")).isFalse();
    }

    @Test
    void onlyYesConfirms() {
        assertThat(prompter("y\n").confirm("? ")).isTrue();
        assertThat(prompter(" YES \n").confirm("? ")).isTrue();
        assertThat(prompter("yep\n").confirm("? ")).isFalse();
        assertThat(prompter("\n").confirm("? ")).isFalse();
        assertThat(prompter("n\n").confirm("? ")).isFalse();
    }

    @Test
    void blankAnswerTakesTheDefault() {
        assertThat(prompter("   \n").ask("? ", "never")).isEqualTo("never");
        assertThat(prompter("  30d \n").ask("? ", "never")).isEqualTo("30d");
    }

    @Test
    void hugeLinesAreCut() {
        String answer = prompter("x".repeat(StreamPrompter.MAX_LINE * 3) + "\nnext\n").readLine("? ");
        assertThat(answer).hasSize(StreamPrompter.MAX_LINE);
    }
}
