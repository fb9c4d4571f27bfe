package com.pgedge.mcp.admin.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.pgedge.mcp.admin.StoreFixture;
import com.pgedge.mcp.admin.store.ConsoleStore;
import com.pgedge.mcp.admin.task.SameThreadTaskRunner;
import com.pgedge.mcp.auth.AuthService;

/** Test connection against the real embedded server (and against sockets that misbehave). */
class ConnectionProbeTest {

    private final Clock clock = Clock.systemUTC();
    private final ConnectionProbe probe = new ConnectionProbe(Duration.ofSeconds(5));
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

    private URI startPlain() {
        vm.start();
        assertThat(vm.stateProperty().get()).isEqualTo(ServerState.RUNNING);
        return URI.create(vm.urlProperty().get());
    }

    @Test
    void aValidTokenPassesInitializeAndToolsListAndAWrongOneIsExplained() {
        URI url = startPlain();
        String token = store.service().addToken("probe", null, null).plaintext();

        ConnectionProbe.Outcome ok = probe.test(url, token);
        assertThat(ok.ok()).isTrue();
        assertThat(ok.text()).isEqualTo("OK: initialize and tools/list succeeded (0 tools).");

        ConnectionProbe.Outcome wrong = probe.test(url, token.substring(1) + "x");
        assertThat(wrong.ok()).isFalse();
        assertThat(wrong.text()).startsWith("Failed: 401").contains("wrong, expired, or removed")
                .doesNotContain(token.substring(1));

        // Removed: refused from the next request on.
        store.service().removeToken(store.service().tokens().get(0).id());
        assertThat(probe.test(url, token).text()).contains("401");

        assertThat(probe.test(url, " ").text()).contains("Paste a token");
    }

    @Test
    void aWrongPathIsExplained() {
        URI url = startPlain();
        String token = store.service().addToken("probe", null, null).plaintext();
        ConnectionProbe.Outcome o = probe.test(url.resolve("/mcp"), token);
        assertThat(o.ok()).isFalse();
        assertThat(o.text()).contains("404").contains("must end in /mcp/v1");
    }

    @Test
    void theServerScreenTestsWithItsTokenAndFillsTheSnippets() {
        startPlain();
        assertThat(vm.snippetsProperty().get().get("curl")).contains(ClientSnippets.TOKEN);
        String token = store.service().addToken("screen", null, null).plaintext();
        vm.tokenProperty().set(token);
        var snippets = vm.snippetsProperty().get();
        for (String client : new String[] {"curl", "Claude Code", "Cursor", "Claude Desktop"}) {
            assertThat(snippets.get(client)).as(client).contains("Bearer " + token).doesNotContain(ClientSnippets.TOKEN);
        }
        // VS Code prompts for it: the token stays out of a file that may be committed.
        assertThat(snippets.get("VS Code")).doesNotContain(token).contains("${input:pgedge-token}").contains("\"password\": true");

        vm.testConnection();
        assertThat(vm.testResultProperty().get()).startsWith("OK: initialize and tools/list succeeded");
        vm.tokenProperty().set("wrong-" + token);
        vm.testConnection();
        assertThat(vm.testResultProperty().get()).contains("401").doesNotContain(token);
        // Memory only: closing the screen's server forgets it, and no log line ever held it.
        assertThat(vm.log()).noneMatch(l -> l.contains(token));
        vm.close();
        assertThat(vm.tokenProperty().get()).isEmpty();
    }

    @Test
    void nothingListeningIsExplained() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        ConnectionProbe.Outcome o = probe.test(URI.create("http://127.0.0.1:" + port + "/mcp/v1"), "some-token");
        assertThat(o.ok()).isFalse();
        assertThat(o.text()).contains("connection refused").contains("nothing is listening at 127.0.0.1:" + port);
    }

    @Test
    void aServerThatNeverAnswersTimesOut() throws Exception {
        // Accepted by the kernel (backlog), never read: the request gets no answer.
        try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            ConnectionProbe.Outcome o = new ConnectionProbe(Duration.ofMillis(500))
                    .test(URI.create("http://127.0.0.1:" + silent.getLocalPort() + "/mcp/v1"), "some-token");
            assertThat(o.ok()).isFalse();
            assertThat(o.text()).contains("timed out");
        }
    }

    @Test
    void httpsToAPlainServerIsExplained() {
        URI url = startPlain();
        URI https = URI.create(url.toString().replace("http://", "https://"));
        ConnectionProbe.Outcome o = probe.test(https, "some-token");
        assertThat(o.ok()).isFalse();
        assertThat(o.text()).contains("TLS").contains("Use http://");
    }

    @Test
    void anUntrustedCertificateAndPlainHttpToATlsPortAreExplained() throws Exception {
        Path[] pem = selfSigned(fx.folder);
        vm.tlsProperty().set(true);
        vm.certFileProperty().set(pem[0].toString());
        vm.keyFileProperty().set(pem[1].toString());
        vm.start();
        assertThat(vm.stateProperty().get()).as(vm.messageProperty().get()).isEqualTo(ServerState.RUNNING);
        URI url = URI.create(vm.urlProperty().get());
        assertThat(url.getScheme()).isEqualTo("https");

        ConnectionProbe.Outcome untrusted = probe.test(url, "some-token");
        assertThat(untrusted.ok()).isFalse();
        assertThat(untrusted.text()).contains("TLS handshake failed").contains("certificate");

        ConnectionProbe.Outcome plain = probe.test(URI.create(url.toString().replace("https://", "http://")), "some-token");
        assertThat(plain.ok()).isFalse();
        assertThat(plain.text()).contains("https://");
    }

    /** A self-signed certificate and key as PEM files, made with the JDK's keytool. */
    private static Path[] selfSigned(Path dir) throws Exception {
        Path store = dir.resolve("server.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
                "-keystore", store.toString(), "-storetype", "PKCS12", "-storepass", "changeit", "-keypass", "changeit")
                .redirectErrorStream(true).start();
        keytool.getInputStream().readAllBytes();
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS) && keytool.exitValue() == 0).isTrue();
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            ks.load(in, "changeit".toCharArray());
        }
        Path cert = dir.resolve("server.crt");
        Path key = dir.resolve("server.key");
        Files.writeString(cert, pem("CERTIFICATE", ks.getCertificate("server").getEncoded()));
        Files.writeString(key, pem("PRIVATE KEY", ks.getKey("server", "changeit".toCharArray()).getEncoded()));
        return new Path[] {cert, key};
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }
}
