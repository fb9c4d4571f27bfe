package com.pgedge.mcp.admin.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.pgedge.mcp.admin.StoreFixture;
import com.pgedge.mcp.admin.TestClock;
import com.pgedge.mcp.admin.task.SameThreadTaskRunner;
import com.pgedge.mcp.auth.AuthEvent;
import com.pgedge.mcp.auth.AuthEventType;
import com.pgedge.mcp.auth.AuthService;

class ActivityViewModelTest {

    private final TestClock clock = new TestClock(Instant.parse("2026-01-10T10:30:00Z"));

    private AuthEvent failure(Duration ago, String user, String ip) {
        return new AuthEvent(clock.instant().minus(ago), AuthEventType.LOGIN_FAILED, user, ip, null, "wrong password");
    }

    @Test
    void newestFirstFilteredByKindAndText() {
        ActivityViewModel vm = new ActivityViewModel(new SameThreadTaskRunner(), clock);
        vm.add(List.of(
                new AuthEvent(clock.instant().minusSeconds(30), AuthEventType.USER_ADDED, "alice", null, null, null),
                failure(Duration.ofSeconds(20), "alice", "10.0.0.1"),
                new AuthEvent(clock.instant().minusSeconds(10), AuthEventType.LOGIN_SUCCEEDED, "bob", "10.0.0.2", null, null)));
        assertThat(vm.visibleEvents()).extracting(AuthEvent::type)
                .containsExactly(AuthEventType.LOGIN_SUCCEEDED, AuthEventType.LOGIN_FAILED, AuthEventType.USER_ADDED);
        vm.kindProperty().set(EventKind.FAILURES);
        assertThat(vm.visibleEvents()).extracting(AuthEvent::type).containsExactly(AuthEventType.LOGIN_FAILED);
        vm.kindProperty().set(EventKind.ALL);
        vm.searchProperty().set("10.0.0.2");
        assertThat(vm.visibleEvents()).extracting(AuthEvent::username).containsExactly("bob");
        vm.searchProperty().set("user added");
        assertThat(vm.visibleEvents()).extracting(AuthEvent::type).containsExactly(AuthEventType.USER_ADDED);
        assertThat(vm.summaryProperty().get()).isEqualTo("1 of 3 events");
    }

    @Test
    void memoryIsBounded() {
        ActivityViewModel vm = new ActivityViewModel(new SameThreadTaskRunner(), clock);
        List<AuthEvent> many = new ArrayList<>();
        for (int i = 0; i < ActivityViewModel.MAX_EVENTS + 500; i++) {
            many.add(failure(Duration.ofMillis(ActivityViewModel.MAX_EVENTS + 500 - i), "u" + i, "10.0.0.1"));
        }
        vm.add(many);
        assertThat(vm.size()).isEqualTo(ActivityViewModel.MAX_EVENTS);
        assertThat(vm.visibleEvents().get(0).username()).isEqualTo("u" + (ActivityViewModel.MAX_EVENTS + 499));
    }

    @Test
    void batchesAddedWhileFilteredMatchAFullRefilterIncludingEvictions() {
        ActivityViewModel vm = new ActivityViewModel(new SameThreadTaskRunner(), clock);
        vm.searchProperty().set("10.0.0.7");
        int total = ActivityViewModel.MAX_EVENTS + 3_000;
        List<AuthEvent> batch = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            batch.add(i % 3 == 0
                    ? new AuthEvent(clock.instant().minusMillis(total - i), AuthEventType.LOGIN_SUCCEEDED, "u" + i, "10.0.0.7", null, null)
                    : failure(Duration.ofMillis(total - i), "u" + i, i % 2 == 0 ? "10.0.0.7" : "10.0.0.8"));
            if (batch.size() == 700 || i == total - 1) {
                vm.add(batch);
                batch = new ArrayList<>();
            }
        }
        List<AuthEvent> incremental = List.copyOf(vm.visibleEvents());
        String summary = vm.summaryProperty().get();
        // Re-filter everything from scratch: same rows, same order, same summary.
        vm.searchProperty().set("");
        vm.searchProperty().set("10.0.0.7");
        assertThat(vm.visibleEvents()).containsExactlyElementsOf(incremental);
        assertThat(vm.summaryProperty().get()).isEqualTo(summary).endsWith("of 20000 events (the newest 20000 are kept)");
        assertThat(incremental.get(0).username()).isEqualTo("u" + (total - 2)); // u22999 is 10.0.0.8
        vm.kindProperty().set(EventKind.FAILURES);
        vm.add(List.of(failure(Duration.ZERO, "newest", "10.0.0.7"),
                new AuthEvent(clock.instant(), AuthEventType.LOGIN_SUCCEEDED, "ok", "10.0.0.7", null, null)));
        assertThat(vm.visibleEvents().get(0).username()).isEqualTo("newest");
        assertThat(vm.visibleEvents()).allMatch(e -> e.type() == AuthEventType.LOGIN_FAILED && "10.0.0.7".equals(e.address()));
    }

    @Test
    void chartCountsFailuresPerBucketStackedByTopOffenders() {
        List<AuthEvent> events = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            events.add(failure(Duration.ofMinutes(5), "alice", "203.0.113.9"));
        }
        events.add(failure(Duration.ofMinutes(65), "bob", "198.51.100.1"));
        events.add(failure(Duration.ofHours(30), "bob", "198.51.100.1")); // outside the last day
        events.add(new AuthEvent(clock.instant(), AuthEventType.LOGIN_SUCCEEDED, "carol", "10.0.0.3", null, null));
        events.add(new AuthEvent(clock.instant().minusSeconds(5), AuthEventType.TOKEN_REJECTED, null, "2001:db8:1:2::7", null, "unknown token"));

        FailureChart hourly = FailureChart.compute(events, FailureChart.Bucket.HOUR, FailureChart.GroupBy.ADDRESS, clock.instant(), ZoneOffset.UTC);
        assertThat(hourly.categories()).hasSize(24).endsWith("10:00");
        assertThat(hourly.total()).isEqualTo(8);
        assertThat(hourly.series().get("203.0.113.9")[23]).isEqualTo(6);
        assertThat(hourly.series().get("198.51.100.1")[22]).isEqualTo(1);
        // IPv6 is counted per /64, as the rate limiter does.
        assertThat(hourly.series()).containsKey("2001:db8:1:2::/64");
        assertThat(hourly.offenders().get(0)).isEqualTo(new FailureChart.Offender("203.0.113.9", 6, clock.instant().minus(Duration.ofMinutes(5))));

        FailureChart byUser = FailureChart.compute(events, FailureChart.Bucket.DAY, FailureChart.GroupBy.USER, clock.instant(), ZoneOffset.UTC);
        assertThat(byUser.offenders()).extracting(FailureChart.Offender::key).containsExactly("alice", "bob", "(no user)");
        assertThat(byUser.offenders().get(1).failures()).isEqualTo(2);
    }

    @Test
    void moreThanFiveOffendersShareAnOtherStack() {
        List<AuthEvent> events = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            for (int j = 0; j <= i; j++) {
                events.add(failure(Duration.ofMinutes(1), "user" + i, "10.0.0." + i));
            }
        }
        FailureChart c = FailureChart.compute(events, FailureChart.Bucket.MINUTE, FailureChart.GroupBy.USER, clock.instant(), ZoneOffset.UTC);
        assertThat(c.series().keySet()).containsExactly("user7", "user6", "user5", "user4", "user3", FailureChart.OTHER);
        assertThat(java.util.Arrays.stream(c.series().get(FailureChart.OTHER)).sum()).isEqualTo(1 + 2 + 3);
    }

    @Test
    void historyAndNewEventsComeFromTheRealAuditFile() throws Exception {
        try (StoreFixture fx = new StoreFixture(); AuthService core = fx.outside(3, java.time.Clock.systemUTC())) {
            core.addUser("alice", "alice-password-1", "");
            core.login("alice", "wrong", "192.0.2.44");
            core.flush();
            ActivityViewModel vm = new ActivityViewModel(new SameThreadTaskRunner(), java.time.Clock.systemUTC());
            try {
                vm.follow(core.settings().effectiveAuditFile());
                await().atMost(Duration.ofSeconds(10)).until(() -> vm.size() >= 2);
                core.login("alice", "alice-password-1", "192.0.2.44");
                core.flush();
                await().atMost(Duration.ofSeconds(10)).until(() -> vm.size() >= 3);
                await().atMost(Duration.ofSeconds(5)).until(() -> vm.visibleEvents().size() == vm.size());
                List<AuthEventType> types = vm.visibleEvents().stream().map(AuthEvent::type).toList();
                assertThat(types).startsWith(AuthEventType.LOGIN_SUCCEEDED).contains(AuthEventType.LOGIN_FAILED, AuthEventType.USER_ADDED);
            } finally {
                vm.close();
            }
        }
    }
}
