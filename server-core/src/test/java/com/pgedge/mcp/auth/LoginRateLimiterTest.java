package com.pgedge.mcp.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Per-address sliding window (SPEC §4, checklist 28-32). */
class LoginRateLimiterTest {

    MutableClock clock = new MutableClock();

    @Test
    void theMaxPlusFirstFailureInTheWindowIsRefusedAndTheWindowSlides() {
        LoginRateLimiter limiter = new LoginRateLimiter(clock, Duration.ofMinutes(15), 3, 1000);
        limiter.recordFailure("1.2.3.4");
        clock.advance(Duration.ofMinutes(5));
        limiter.recordFailure("1.2.3.4");
        assertThat(limiter.blockedFor("1.2.3.4")).isNull();
        limiter.recordFailure("1.2.3.4");
        assertThat(limiter.blockedFor("1.2.3.4")).isEqualTo(Duration.ofMinutes(10));
        assertThat(limiter.blocked()).singleElement()
                .satisfies(b -> assertThat(b.failures()).isEqualTo(3));
        clock.advance(Duration.ofMinutes(10));
        assertThat(limiter.blockedFor("1.2.3.4")).as("the first failure left the window").isNull();
        assertThat(limiter.failures("1.2.3.4")).isEqualTo(2);
        clock.advance(Duration.ofMinutes(15));
        assertThat(limiter.failures("1.2.3.4")).isZero();
    }

    @ParameterizedTest
    @CsvSource({
            "2001:db8:0:1::1, 2001:db8:0:1::/64",
            "2001:db8:0:1:ffff:ffff:ffff:ffff, 2001:db8:0:1::/64",
            "[2001:db8:0:1::5], 2001:db8:0:1::/64",
            "fe80::1%eth0, fe80:0:0:0::/64",
            "::ffff:192.0.2.1, 192.0.2.1",
            "192.0.2.1, 192.0.2.1",
            "'', unknown",
            "not-an-address, not-an-address"})
    void addressKeys(String address, String key) {
        assertThat(AddressKey.of(address)).isEqualTo(key.replace("2001:db8:0:1::/64", "2001:db8:0:1::/64"));
    }

    @Test
    void ipv6CountsPerSlash64() {
        LoginRateLimiter limiter = new LoginRateLimiter(clock, Duration.ofMinutes(15), 3, 1000);
        limiter.recordFailure(AddressKey.of("2001:db8:0:1::1"));
        limiter.recordFailure(AddressKey.of("2001:db8:0:1::2"));
        limiter.recordFailure(AddressKey.of("2001:db8:0:1:abcd::3"));
        assertThat(limiter.blockedFor(AddressKey.of("2001:db8:0:1::99"))).isNotNull();
        assertThat(limiter.blockedFor(AddressKey.of("2001:db8:0:2::1"))).isNull();
    }

    @Test
    void aMillionDistinctAddressesStayBounded() {
        int cap = 10_000;
        LoginRateLimiter limiter = new LoginRateLimiter(clock, Duration.ofMinutes(15), 10, cap);
        for (int i = 0; i < 1_000_000; i++) {
            limiter.recordFailure("10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255) + "/" + i);
            if ((i & 0xffff) == 0) {
                clock.advance(Duration.ofMillis(1));
            }
        }
        assertThat(limiter.trackedAddresses()).isLessThanOrEqualTo(cap);
        // A recent attacker is still tracked after the flood.
        for (int i = 0; i < 10; i++) {
            limiter.recordFailure("192.0.2.66");
        }
        assertThat(limiter.blockedFor("192.0.2.66")).isNotNull();
    }

    @Test
    void countingIsExactUnderConcurrency() throws Exception {
        LoginRateLimiter limiter = new LoginRateLimiter(clock, Duration.ofMinutes(15), 1000, 1000);
        ExecutorService pool = Executors.newFixedThreadPool(50);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> jobs = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            jobs.add(pool.submit(() -> {
                go.await();
                for (int j = 0; j < 10; j++) {
                    limiter.recordFailure("203.0.113.1");
                }
                return null;
            }));
        }
        go.countDown();
        for (Future<?> f : jobs) {
            f.get();
        }
        pool.shutdown();
        assertThat(limiter.failures("203.0.113.1")).isEqualTo(500);
    }

    @Test
    void clearForgetsAnAddress() {
        LoginRateLimiter limiter = new LoginRateLimiter(clock, Duration.ofMinutes(15), 1, 1000);
        limiter.recordFailure("1.1.1.1");
        assertThat(limiter.blockedFor("1.1.1.1")).isNotNull();
        limiter.clear("1.1.1.1");
        assertThat(limiter.blockedFor("1.1.1.1")).isNull();
        assertThat(limiter.blocked()).isEmpty();
    }
}
