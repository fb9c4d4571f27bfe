package com.pgedge.mcp.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pgedge.mcp.config.ServerConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTPS end to end with PEM files made by keytool (SPEC §2: -tls -cert -key -chain, TLS 1.2+). */
class TlsTest {

    @TempDir
    static Path dir;

    static TestCertificates.Pem server;
    static TestCertificates.Pem other;

    @BeforeAll
    static void certificates() throws Exception {
        server = TestCertificates.create(dir, "server");
        other = TestCertificates.create(dir, "other");
    }

    private static ServerConfig.TlsConfig tls(Path cert, Path key, Path chain) {
        return new ServerConfig.TlsConfig(true, cert, key, chain);
    }

    @Test
    void httpsServesMcpAndHealthToAClientThatTrustsTheCertificate() throws Exception {
        try (ServerFixture fx = ServerFixture.builder().tls(tls(server.cert(), server.key(), null)).start()) {
            assertThat(fx.server.endpoint().getScheme()).isEqualTo("https");
            HttpClient client = HttpClient.newBuilder().sslContext(TestCertificates.trusting(server.certificate()))
                    .connectTimeout(Duration.ofSeconds(5)).build();
            URI mcp = URI.create("https://127.0.0.1:" + fx.port() + "/mcp/v1");
            HttpResponse<String> list = client.send(HttpRequest.newBuilder(mcp)
                    .header("Authorization", "Bearer " + fx.apiToken).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(ServerFixture.toolsList(1))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(list.statusCode()).isEqualTo(200);
            assertThat(list.body()).contains("\"echo\"");
            HttpResponse<String> noToken = client.send(HttpRequest.newBuilder(mcp)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(ServerFixture.toolsList(1))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(noToken.statusCode()).isEqualTo(401);
            HttpResponse<String> health = client.send(HttpRequest.newBuilder(
                    URI.create("https://127.0.0.1:" + fx.port() + "/health")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.body()).contains("\"status\":\"ok\"");

            // TLS 1.2 and 1.3 both negotiate; the server offers nothing older.
            for (String protocol : new String[] {"TLSv1.2", "TLSv1.3"}) {
                try (SSLSocket socket = (SSLSocket) TestCertificates.trusting(server.certificate()).getSocketFactory()
                        .createSocket("127.0.0.1", fx.port())) {
                    SSLParameters params = socket.getSSLParameters();
                    params.setProtocols(new String[] {protocol});
                    socket.setSSLParameters(params);
                    socket.startHandshake();
                    assertThat(socket.getSession().getProtocol()).isEqualTo(protocol);
                }
            }
            // Plain HTTP to the TLS port gets no MCP answer.
            assertThatThrownBy(() -> HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + fx.port() + "/health")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString())).isInstanceOf(java.io.IOException.class);
        }
    }

    @Test
    void chainFileCertificatesAreSentAfterTheServerCertificate() throws Exception {
        try (ServerFixture fx = ServerFixture.builder().tls(tls(server.cert(), server.key(), other.cert())).start();
             SSLSocket socket = (SSLSocket) TestCertificates.trusting(server.certificate()).getSocketFactory()
                     .createSocket("127.0.0.1", fx.port())) {
            socket.startHandshake();
            assertThat(socket.getSession().getPeerCertificates()).hasSize(2);
            assertThat(socket.getSession().getPeerCertificates()[1]).isEqualTo(other.certificate());
        }
    }

    @Test
    void traditionalRsaKeyFileIsAccepted() throws Exception {
        Path pkcs1 = dir.resolve("server-rsa.key");
        TestCertificates.write(pkcs1, TestCertificates.pem("RSA PRIVATE KEY",
                TestCertificates.pkcs1(server.privateKey().getEncoded())));
        assertThat(PemSslContext.create(server.cert(), pkcs1, null).getProtocol()).isEqualTo("TLS");
    }

    @Test
    void unusableTlsFilesFailAtStartWithAMessageThatSaysWhy() throws Exception {
        assertThatThrownBy(() -> PemSslContext.create(server.cert(), other.key(), null))
                .isInstanceOf(HttpServerException.class).hasMessageContaining("does not match");
        assertThatThrownBy(() -> PemSslContext.create(dir.resolve("missing.crt"), server.key(), null))
                .isInstanceOf(HttpServerException.class).hasMessageContaining("missing.crt");
        Path encrypted = dir.resolve("enc.key");
        TestCertificates.write(encrypted, TestCertificates.pem("ENCRYPTED PRIVATE KEY", new byte[] {1, 2, 3}));
        assertThatThrownBy(() -> PemSslContext.create(server.cert(), encrypted, null))
                .isInstanceOf(HttpServerException.class).hasMessageContaining("encrypted");
        Path notPem = dir.resolve("junk.crt");
        Files.writeString(notPem, "hello");
        assertThatThrownBy(() -> PemSslContext.create(notPem, server.key(), null))
                .isInstanceOf(HttpServerException.class).hasMessageContaining("No PEM certificate");
        // The key material never shows up in a message.
        try {
            PemSslContext.create(server.cert(), other.key(), null);
        } catch (HttpServerException e) {
            assertThat(e.getMessage()).doesNotContain(Files.readString(other.key()).substring(40, 80));
        }
    }

    @Test
    void portInUseIsAClearError() throws Exception {
        try (ServerFixture fx = ServerFixture.start()) {
            ServerConfig config = new ServerConfig(null, new ServerConfig.HttpConfig(true, "127.0.0.1:" + fx.port(),
                    null, null, new ServerConfig.TlsConfig(false, null, null, null),
                    new ServerConfig.AuthConfig(false, null, null, null, 0, 15, 10)), null, false, false);
            McpHttpServer second = new McpHttpServer(config, null, com.pgedge.mcp.mcp.ToolRegistry.empty());
            assertThatThrownBy(second::start).isInstanceOf(HttpServerException.class)
                    .hasMessageContaining("Cannot listen on 127.0.0.1:" + fx.port())
                    .hasMessageContaining("already in use"); // the console keys its advice on this
        }
    }
}
