package com.pgedge.mcp.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ExpiryDurationTest {

    @ParameterizedTest
    @CsvSource({"1h,1", "24h,24", "1d,24", "30d,720", "2w,336", "1m,720", "3m,2160", "1y,8760", " 7D ,168"})
    void parsesEveryUnit(String text, long hours) {
        ExpiryDuration e = ExpiryDuration.parse(text);
        assertThat(e.isNever()).isFalse();
        assertThat(e.duration()).isEqualTo(Duration.ofHours(hours));
    }

    @ParameterizedTest
    @ValueSource(strings = {"never", "NEVER", " Never "})
    void never(String text) {
        ExpiryDuration e = ExpiryDuration.parse(text);
        assertThat(e.isNever()).isTrue();
        assertThat(e.duration()).isNull();
        assertThat(e.asOptional()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "0d", "-1d", "1", "d", "1.5d", "1s", "1x", "10 d", "99999999999d", "1dd", "forever"})
    void rejectsWithAMessageShowingTheForms(String text) {
        assertThatThrownBy(() -> ExpiryDuration.parse(text)).isInstanceOf(AuthException.class)
                .hasMessageContaining("never");
        assertThatThrownBy(() -> ExpiryDuration.parse(null)).isInstanceOf(AuthException.class)
                .hasMessageContaining("never");
    }
}
