package com.pgedge.mcp.admin.users;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.pgedge.mcp.auth.AuthService;

class PasswordCheckTest {

    @Test
    void emptyAndMismatchedAreNotAcceptable() {
        assertThat(PasswordCheck.of("", "").acceptable()).isFalse();
        PasswordCheck mismatch = PasswordCheck.of("correct horse battery", "correct horse batter");
        assertThat(mismatch.acceptable()).isFalse();
        assertThat(mismatch.message()).contains("do not match");
    }

    @Test
    void the72ByteLimitCountsUtf8BytesLikeTheCore() {
        String ascii72 = "a".repeat(72);
        assertThat(PasswordCheck.of(ascii72, ascii72).acceptable()).isTrue();
        String ascii73 = "a".repeat(73);
        PasswordCheck tooLong = PasswordCheck.of(ascii73, ascii73);
        assertThat(tooLong.acceptable()).isFalse();
        assertThat(tooLong.message()).contains("73 bytes").contains("bcrypt ignores");
        // 25 characters of 3 bytes each: 75 bytes although only 25 characters.
        String wide = "€".repeat(25);
        assertThat(PasswordCheck.of(wide, wide).acceptable()).isFalse();
        // The dialog and the core agree on every one of these.
        for (String p : new String[] {ascii72, ascii73, wide, "é".repeat(36), "e\u0301".repeat(36)}) {
            assertThat(PasswordCheck.of(p, p).acceptable()).as(p).isEqualTo(AuthService.passwordProblem(p) == null);
        }
    }

    @Test
    void strengthGrowsWithLengthAndVariety() {
        assertThat(PasswordCheck.of("abc", "abc").strength()).isEqualTo(1);
        assertThat(PasswordCheck.of("abcdefgh", "abcdefgh").strength()).isEqualTo(2);
        assertThat(PasswordCheck.of("Abcdefg1", "Abcdefg1").strength()).isEqualTo(3);
        assertThat(PasswordCheck.of("correct horse battery staple", "correct horse battery staple").strength()).isEqualTo(4);
        assertThat(PasswordCheck.of("Abcdefg1", "Abcdefg1").message()).startsWith("Good (8 of 72 bytes)");
    }

    @Test
    void messageNeverContainsThePassword() {
        String p = "Secret-Passphrase-42";
        assertThat(PasswordCheck.of(p, p).message()).doesNotContain(p);
        assertThat(PasswordCheck.of(p + "x".repeat(80), "").message()).doesNotContain(p);
    }
}
