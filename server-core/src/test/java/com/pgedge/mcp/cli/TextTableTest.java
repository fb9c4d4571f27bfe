package com.pgedge.mcp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TextTableTest {

    @Test
    void columnsAreAsWideAsTheirWidestCell() {
        TextTable t = new TextTable("ID", "Status", "Note");
        t.add("token-1", "Active", "short");
        t.add("t-2", "EXPIRED", "a longer note");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        t.print(new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(out.toString(StandardCharsets.UTF_8).lines().toList()).containsExactly(
                "ID       Status   Note",
                "-------  -------  -------------",
                "token-1  Active   short",
                "t-2      EXPIRED  a longer note");
    }

    @Test
    void controlCharactersAndBidiOverridesAreNeutralised() {
        assertThat(Printable.of("a\u001b[31mred\u0007\nb\u202Ec\u2066d")).isEqualTo("a?[31mred??b?c?d");
    }

    @Test
    void longTextIsShortened() {
        assertThat(Printable.of("abcdefghij", 8)).isEqualTo("abcde...");
        assertThat(Printable.of("abcdefgh", 8)).isEqualTo("abcdefgh");
        assertThat(Printable.of("😀😀😀😀😀", 4)).isEqualTo("😀...");
        assertThat(Printable.of(null)).isEmpty();
    }

    @Test
    void wideUnicodeCountsByCodePoint() {
        TextTable t = new TextTable("User", "X");
        t.add("😀", "1");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        t.print(new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(out.toString(StandardCharsets.UTF_8).lines().toList().get(2)).isEqualTo("😀     1");
    }
}
