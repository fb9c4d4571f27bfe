package com.pgedge.mcp.admin.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import org.junit.jupiter.api.Test;

import com.pgedge.mcp.admin.StoreFixture;
import com.pgedge.mcp.admin.store.ConsoleStore;
import com.pgedge.mcp.admin.task.SameThreadTaskRunner;
import com.pgedge.mcp.auth.CreatedToken;

/**
 * The Server screen's "embedded development database": a real PostgreSQL started from a jar,
 * queried through the embedded server with a token made by the console. One PostgreSQL for the
 * class (it takes seconds).
 */
class DevDatabaseServerTest {

    @Test
    void queryTheDevelopmentDatabaseThroughTheEmbeddedServer() throws Exception {
        Path devFolder = Files.createTempDirectory("console-devdb");
        try (StoreFixture fx = new StoreFixture();
             ConsoleStore store = new ConsoleStore(new SameThreadTaskRunner(), fx::resolve, Clock.systemUTC(),
                     StoreFixture.cheapBcrypt())) {
            store.setHotReload(false);
            store.open(fx.location, null);
            ServerViewModel vm = new ServerViewModel(store, devFolder);
            try {
                vm.addressProperty().set("127.0.0.1:0");
                vm.databaseProperty().set(DatabaseChoice.DEVELOPMENT);
                vm.start();
                assertThat(vm.stateProperty().get()).as(vm.messageProperty().get()).isEqualTo(ServerState.RUNNING);
                CreatedToken token = store.service().addToken("dev", null, null);
                String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"query_database\","
                        + "\"arguments\":{\"query\":\"SELECT current_user, 6*7 AS answer\"}}}";
                HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(vm.urlProperty().get()))
                        .header("Authorization", "Bearer " + token.plaintext()).header("Content-Type", "application/json")
                        .header("Accept", "application/json, text/event-stream")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).isEqualTo(200);
                assertThat(r.body()).contains("42").doesNotContain("\"isError\":true");
                assertThat(vm.log()).anyMatch(l -> l.toLowerCase(java.util.Locale.ROOT).contains("postgres"));
            } finally {
                vm.close();
            }
        } finally {
            try (var files = Files.walk(devFolder)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
