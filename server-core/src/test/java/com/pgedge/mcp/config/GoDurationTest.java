package com.pgedge.mcp.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GoDurationTest {

    @Test
    void readsGoStyleDurations() {
        assertThat(GoDuration.parse("30m", "k")).isEqualTo(Duration.ofMinutes(30));
        assertThat(GoDuration.parse("1h30m", "k")).isEqualTo(Duration.ofMinutes(90));
        assertThat(GoDuration.parse("90s", "k")).isEqualTo(Duration.ofSeconds(90));
        assertThat(GoDuration.parse("500ms", "k")).isEqualTo(Duration.ofMillis(500));
        assertThat(GoDuration.parse("1.5h", "k")).isEqualTo(Duration.ofMinutes(90));
        assertThat(GoDuration.parse("2h45m30s", "k")).isEqualTo(Duration.ofSeconds(2 * 3600 + 45 * 60 + 30));
        assertThat(GoDuration.parse("0", "k")).isEqualTo(Duration.ZERO);
        assertThat(GoDuration.parse("10us", "k")).isEqualTo(Duration.ofNanos(10_000));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "30", "m", "-5m", "1d", "5 m", "1h 30m", "abc", "h1"})
    void rejectsAnythingElseNamingTheKey(String text) {
        assertThatThrownBy(() -> GoDuration.parse(text, "pool_max_conn_idle_time"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("pool_max_conn_idle_time: expected a duration such as 30m");
    }

    @Test
    void hugeDurationIsAnError() {
        assertThatThrownBy(() -> GoDuration.parse("99999999999999h", "k")).hasMessageContaining("too long");
    }
}
