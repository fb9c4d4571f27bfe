package com.pgedge.mcp.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.pgedge.mcp.auth.AuthService;
import com.pgedge.mcp.auth.AuthSettings;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI entry point in a real process: serves until SIGTERM, then stops gracefully. */
class HttpServerModeTest {

    @TempDir
    Path dir;

    @Test
    void servesUntilSigtermThenShutsDownCleanly() throws Exception {
        String token;
        AuthSettings settings = AuthSettings.defaults(dir.resolve("tokens.yaml"), dir.resolve("users.yaml"));
        try (AuthService auth = AuthService.open(settings, Clock.systemUTC(), 4)) {
            token = auth.addToken("cli", (Duration) null, null).plaintext();
        }
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), HttpModeMain.class.getName(), dir.toString())
                .redirectErrorStream(true).start();
        StringBuilder log = new StringBuilder();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        Pattern listening = Pattern.compile("Listening on (http://127\\.0\\.0\\.1:\\d+/mcp/v1)");
        String url = null;
        for (String line; url == null && (line = out.readLine()) != null; ) {
            log.append(line).append('\n');
            Matcher m = listening.matcher(line);
            if (m.find()) {
                url = m.group(1);
            }
        }
        assertThat(url).as(log.toString()).isNotNull();
        assertThat(log).contains("Loaded 1 API token(s)").contains("Authentication: ENABLED")
                .contains("Rate limiting: 10 failed attempt(s) per 15 minute(s)");

        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(ServerFixture.toolsList(1))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);

        p.toHandle().destroy(); // SIGTERM, keeping our end of the pipe open to read the shutdown log
        for (String line; (line = out.readLine()) != null; ) {
            log.append(line).append('\n');
        }
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(log).contains("Shutdown requested").contains("HTTP server stopped");
        // -debug was on: the access log line is there, and still no token.
        assertThat(log).contains("POST /mcp/v1 -> 200").doesNotContain(token);
    }
}
