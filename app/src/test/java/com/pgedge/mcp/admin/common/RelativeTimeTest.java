package com.pgedge.mcp.admin.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class RelativeTimeTest {

    private final Instant now = Instant.parse("2026-01-10T10:00:00Z");

    @Test
    void futureAndPast() {
        assertThat(RelativeTime.describe(now.plus(Duration.ofDays(3)), now)).isEqualTo("in 3 days");
        assertThat(RelativeTime.describe(now.minus(Duration.ofHours(2)), now)).isEqualTo("2 hours ago");
        assertThat(RelativeTime.describe(now.plus(Duration.ofMinutes(1)), now)).isEqualTo("in 1 minute");
        assertThat(RelativeTime.describe(now.plusSeconds(20), now)).isEqualTo("now");
        assertThat(RelativeTime.describe(now.plus(Duration.ofDays(365)), now)).isEqualTo("in 12 months");
        assertThat(RelativeTime.describe(now.minus(Duration.ofDays(800)), now)).isEqualTo("2 years ago");
        assertThat(RelativeTime.describe(null, now)).isEmpty();
    }

    @Test
    void dateTimeInTheGivenZone() {
        assertThat(RelativeTime.dateTime(now, ZoneOffset.ofHours(2))).isEqualTo("2026-01-10 12:00");
        assertThat(RelativeTime.dateTime(null, ZoneOffset.UTC)).isEmpty();
    }
}
