package com.pgedge.mcp.admin.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.pgedge.mcp.admin.StoreFixture;
import com.pgedge.mcp.admin.store.ConsoleStore;
import com.pgedge.mcp.admin.task.SameThreadTaskRunner;
import com.pgedge.mcp.auth.AuthService;
import com.pgedge.mcp.auth.CreatedToken;

/** The embedded server, started by the ViewModel, answered over real HTTP. */
class ServerViewModelTest {

    private final Clock clock = Clock.systemUTC();
    private final HttpClient http = HttpClient.newHttpClient();
    private StoreFixture fx;
    private ConsoleStore store;
    private ServerViewModel vm;

    @BeforeEach
    void setUp() throws Exception {
        fx = new StoreFixture();
        try (AuthService outside = fx.outside(0, clock)) {
            outside.addUser("alice", "alice-password-1", "");
        }
        store = new ConsoleStore(new SameThreadTaskRunner(), fx::resolve, clock, StoreFixture.cheapBcrypt());
        store.setHotReload(false);
        store.open(fx.location, null);
        vm = new ServerViewModel(store, null);
        vm.addressProperty().set("127.0.0.1:0");
        vm.databaseProperty().set(DatabaseChoice.NONE);
    }

    @AfterEach
    void tearDown() throws Exception {
        vm.close();
        store.close();
        fx.close();
    }

    private HttpResponse<String> post(String body, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(vm.urlProperty().get()))
                .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servesWithTheConsolesAuthCoreAndStops() throws Exception {
        vm.start();
        assertThat(vm.stateProperty().get()).isEqualTo(ServerState.RUNNING);
        assertThat(vm.urlProperty().get()).startsWith("http://127.0.0.1:").endsWith("/mcp/v1");
        assertThat(vm.statusTextProperty().get()).startsWith("Server: running at http://127.0.0.1:");
        assertThat(vm.snippetsProperty().get()).containsKeys("curl", "Claude Code", "VS Code", "Cursor", "Claude Desktop");

        // A token created through the console's core works on the embedded server at once.
        CreatedToken token = store.service().addToken("test", null, null);
        assertThat(post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}", token.plaintext()).statusCode()).isEqualTo(200);
        assertThat(post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}", "not-a-token").statusCode()).isEqualTo(401);

        vm.testConnection();
        assertThat(vm.testResultProperty().get()).startsWith("OK:").contains("401");
        await().atMost(Duration.ofSeconds(5)).until(() -> vm.log().stream().anyMatch(l -> l.contains("Listening on")));

        String url = vm.urlProperty().get();
        vm.stop();
        assertThat(vm.stateProperty().get()).isEqualTo(ServerState.STOPPED);
        assertThat(ServerViewModel.probe(URI.create(url))).startsWith("Failed: nothing answers");
    }

    @Test
    void lockoutSetOnTheServerScreenLocksAccountsOfItsClients() throws Exception {
        vm.lockoutProperty().set(2);
        vm.start();
        assertThat(vm.stateProperty().get()).isEqualTo(ServerState.RUNNING);
        assertThat(store.settings().lockoutThreshold()).isEqualTo(2);
        String wrong = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"authenticate_user\","
                + "\"arguments\":{\"username\":\"alice\",\"password\":\"wrong\"}}}";
        post(wrong, null);
        post(wrong, null);
        await().atMost(Duration.ofSeconds(5)).until(() -> !store.service().user("alice").orElseThrow().enabled());
        assertThat(store.service().statusOf(store.service().user("alice").orElseThrow()).name()).isEqualTo("LOCKED");
    }

    @Test
    void aPortInUseIsSaidPlainly() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            vm.addressProperty().set("127.0.0.1:" + taken.getLocalPort());
            vm.start();
            assertThat(vm.stateProperty().get()).isEqualTo(ServerState.FAILED);
            assertThat(vm.messageProperty().get()).contains("already in use").contains("choose another port")
                    .doesNotContain("Exception");
        }
    }

    @Test
    void formProblemsAreCaughtBeforeStarting() {
        vm.addressProperty().set("no-port-here");
        assertThat(vm.problem()).contains("expected host:port");
        vm.addressProperty().set("127.0.0.1:0");
        vm.tlsProperty().set(true);
        assertThat(vm.problem()).contains("certificate file and a key file");
        vm.tlsProperty().set(false);
        vm.databaseProperty().set(DatabaseChoice.CONFIGURED);
        assertThat(vm.problem()).contains("No databases are configured");
        vm.start();
        assertThat(vm.stateProperty().get()).isEqualTo(ServerState.FAILED);
    }

    @Test
    void snippetsCarryTheUrlAndAPlaceholderNeverAToken() {
        var s = ClientSnippets.forEndpoint(URI.create("http://10.1.2.3:8080/mcp/v1"));
        assertThat(s.get("Claude Desktop")).contains("mcp-remote").contains("http-only").contains("--allow-http")
                .contains(ClientSnippets.TOKEN);
        assertThat(ClientSnippets.forEndpoint(URI.create("http://127.0.0.1:8080/mcp/v1")).get("Claude Desktop"))
                .doesNotContain("--allow-http");
        assertThat(s.get("curl")).contains("http://10.1.2.3:8080/mcp/v1").contains("tools/list");
        assertThat(s.get("VS Code")).contains("\"type\": \"http\"");
    }
}
