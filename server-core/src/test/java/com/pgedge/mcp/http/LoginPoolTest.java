package com.pgedge.mcp.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * SECURITY-CHECKLIST 33: a burst of logins (real bcrypt cost 12) runs on its own bounded pool;
 * token-authenticated calls keep being answered meanwhile, and logins beyond the pool's queue
 * are refused at once instead of piling up.
 */
class LoginPoolTest {

    @Test
    void loginBurstNeitherStarvesTokenCallsNorQueuesWithoutBound() throws Exception {
        try (ServerFixture fx = ServerFixture.builder().bcryptCost(12).rateLimit(10_000)
                .limits(l -> l.withLoginPool(1, 2)).start()) {
            ExecutorService clients = Executors.newFixedThreadPool(50);
            AtomicInteger loginsRunning = new AtomicInteger();
            List<CompletableFuture<HttpResponse<String>>> logins = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                logins.add(CompletableFuture.supplyAsync(() -> {
                    loginsRunning.incrementAndGet();
                    try {
                        return fx.post(ServerFixture.login(ServerFixture.USER, "wrong-password"));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    } finally {
                        loginsRunning.decrementAndGet();
                    }
                }, clients));
            }
            // While bcrypt is busy, token-authenticated calls are all answered.
            int answeredWhileLoginsRan = 0;
            for (int i = 0; i < 20; i++) {
                HttpResponse<String> r = fx.postWithToken(ServerFixture.echo(i, "still here"), fx.apiToken);
                assertThat(r.statusCode()).isEqualTo(200);
                if (loginsRunning.get() > 0) {
                    answeredWhileLoginsRan++;
                }
            }
            CompletableFuture.allOf(logins.toArray(new CompletableFuture[0])).get(120, TimeUnit.SECONDS);
            clients.shutdown();
            assertThat(answeredWhileLoginsRan).as("token calls answered while logins were still running")
                    .isPositive();

            int busy = 0;
            int refused = 0;
            for (CompletableFuture<HttpResponse<String>> f : logins) {
                HttpResponse<String> r = f.get();
                if (r.statusCode() == 503) {
                    busy++;
                    assertThat(r.headers().firstValue("Retry-After")).contains("1");
                    assertThat(ServerFixture.json(r).at("/error/data").asText()).isEqualTo(LoginEndpoint.BUSY_MESSAGE);
                } else {
                    assertThat(r.statusCode()).isEqualTo(200);
                    assertThat(ServerFixture.json(r).has("error")).isTrue();
                    refused++;
                }
            }
            // One worker and a queue of two: most of the 50 are turned away at once.
            assertThat(busy).isGreaterThan(20);
            assertThat(refused).isGreaterThanOrEqualTo(1);
        }
    }
}
