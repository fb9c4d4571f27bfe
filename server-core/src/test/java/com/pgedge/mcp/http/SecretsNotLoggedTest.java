package com.pgedge.mcp.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** No token, password or hash in any log line (debug access log included) or audit line. */
class SecretsNotLoggedTest {

    @Test
    void aSessionOfTrafficLeavesNoSecretInTheLogsOrTheAuditFile() throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Logger ours = (Logger) LoggerFactory.getLogger("com.pgedge.mcp");
        Level before = ours.getLevel();
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        root.addAppender(captured);
        ours.setLevel(Level.DEBUG);
        List<String> secrets = new ArrayList<>();
        try (ServerFixture fx = ServerFixture.builder().rateLimit(3).lockout(5).watch().start()) {
            secrets.add(fx.apiToken);
            secrets.add(ServerFixture.PASSWORD);
            String session = fx.sessionToken();
            secrets.add(session);
            fx.postWithToken(ServerFixture.echo(1, "hello"), fx.apiToken);
            fx.postWithToken(ServerFixture.echo(1, "hello"), session);
            fx.post(ServerFixture.login(ServerFixture.USER, "WrongPassword-Secret1"));
            secrets.add("WrongPassword-Secret1");
            fx.post(ServerFixture.login("mallory", "MalloryPass-Secret2"));
            secrets.add("MalloryPass-Secret2");
            fx.postWithToken(ServerFixture.toolsList(1), "Guessed-Token-Secret3");
            secrets.add("Guessed-Token-Secret3");
            fx.postWithToken(ServerFixture.toolsList(1), "Guessed-Token-Secret4"); // now rate-limited
            secrets.add("Guessed-Token-Secret4");
            fx.send(HttpRequest.newBuilder(URI.create(fx.mcpUri() + "?token=" + fx.apiToken))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(ServerFixture.toolsList(1))).build());
            fx.postWithToken("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"broken\"}}",
                    fx.apiToken);

            secrets.add("hunter2"); // inside the broken tool's exception message

            for (String token : List.of(fx.apiToken, session, "Guessed-Token-Secret3")) {
                secrets.add(sha256(token));
            }
            Matcher bcrypt = Pattern.compile("\\$2[aby]\\$\\d\\d\\$[./A-Za-z0-9]{53}")
                    .matcher(Files.readString(fx.dir.resolve("users.yaml")));
            assertThat(bcrypt.find()).isTrue();
            secrets.add(bcrypt.group());

            String audit = Files.readString(fx.auth.auditFile(), StandardCharsets.UTF_8);
            assertThat(audit).isNotBlank();
            for (String secret : secrets) {
                assertThat(audit).doesNotContain(secret);
            }
        } finally {
            root.detachAppender(captured);
            ours.setLevel(before);
        }
        StringBuilder log = new StringBuilder();
        for (ILoggingEvent event : captured.list) {
            log.append(event.getFormattedMessage()).append('\n');
            for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
                log.append(t.getMessage()).append('\n');
            }
        }
        assertThat(log.toString()).contains("Authentication: ENABLED").contains("POST /mcp/v1 -> 401");
        for (String secret : secrets) {
            assertThat(log.toString()).doesNotContain(secret);
        }
    }

    private static String sha256(String token) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    }
}
