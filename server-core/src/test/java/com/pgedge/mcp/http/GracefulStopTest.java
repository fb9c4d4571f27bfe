package com.pgedge.mcp.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pgedge.mcp.mcp.TestTools;
import java.net.ConnectException;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** SPEC §2: stop accepting, finish in-flight requests, then close. */
class GracefulStopTest {

    @Test
    void inFlightCallFinishesAndNewConnectionsAreRefused() throws Exception {
        ServerFixture fx = ServerFixture.start();
        try {
            TestTools.Sleep.started = new CountDownLatch(1);
            CompletableFuture<HttpResponse<String>> slow = CompletableFuture.supplyAsync(() -> {
                try {
                    return fx.postWithToken("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":"
                            + "{\"name\":\"sleep\",\"arguments\":{\"ms\":1500}}}", fx.apiToken);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThat(TestTools.Sleep.started.await(10, TimeUnit.SECONDS)).isTrue();
            int port = fx.port();
            CompletableFuture<Void> stopping = CompletableFuture.runAsync(fx.server::stop);

            HttpResponse<String> finished = slow.get(20, TimeUnit.SECONDS);
            assertThat(finished.statusCode()).isEqualTo(200);
            assertThat(ServerFixture.json(finished).at("/result/content/0/text").asText()).isEqualTo("slept");
            stopping.get(20, TimeUnit.SECONDS);
            assertThat(fx.server.isRunning()).isFalse();

            assertThatThrownBy(() -> new RawHttp(port)).isInstanceOf(ConnectException.class);
        } finally {
            fx.close();
        }
    }

    @Test
    void aStoppedServerStartsAgain() throws Exception {
        try (ServerFixture fx = ServerFixture.start()) {
            fx.server.stop();
            assertThat(fx.server.isRunning()).isFalse();
            assertThat(fx.server.port()).isEqualTo(-1);
            fx.server.start(); // the console's Stop / Start buttons
            assertThat(fx.server.isRunning()).isTrue();
            assertThat(fx.postWithToken(ServerFixture.toolsList(1), fx.apiToken).statusCode()).isEqualTo(200);
        }
    }
}
