package com.pgedge.mcp.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.pgedge.mcp.auth.LoginResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Credential files edited behind the server's back (as an admin with an editor would) take
 * effect on the next request, through the real watcher (SPEC §1.4).
 */
class HttpReloadTest {

    /** The 100 ms debounce plus generous margin for a loaded 2-core CI machine. */
    private static final Duration WITHIN = Duration.ofMillis(1500);

    private static void replace(Path file, String content) throws IOException {
        // Like most editors: write a temp file, rename it over the original.
        Path temp = file.resolveSibling(file.getFileName() + ".edit");
        Files.writeString(temp, content, StandardCharsets.UTF_8);
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    @Test
    void tokenRemovedFromTheFileIsRefusedOnItsNextRequest() throws Exception {
        try (ServerFixture fx = ServerFixture.builder().watch().rateLimit(10_000).start()) {
            assertThat(fx.postWithToken(ServerFixture.toolsList(1), fx.apiToken).statusCode()).isEqualTo(200);
            long start = System.nanoTime();
            replace(fx.dir.resolve("tokens.yaml"), "tokens: {}\n");
            await().atMost(WITHIN).pollInterval(Duration.ofMillis(5))
                    .until(() -> fx.postWithToken(ServerFixture.toolsList(1), fx.apiToken).statusCode() == 401);
            long elapsedMs = (System.nanoTime() - start) / 1_000_000;
            System.out.println("token removal took effect after " + elapsedMs + " ms");
        }
    }

    @Test
    void tokenAddedToTheFileWorksWithoutRestart() throws Exception {
        try (ServerFixture fx = ServerFixture.builder().watch().rateLimit(10_000).start()) {
            String content = Files.readString(fx.dir.resolve("tokens.yaml"));
            // SPEC §1.1 test vector: "test-token" -> this hash.
            String added = content + "    token-1766503601:\n"
                    + "        hash: 4c5dc9b7708905f77f5e5d16316b5dfb425e68cb326dcd55a860e90a7707031e\n"
                    + "        expires_at: null\n        annotation: added by hand\n";
            assertThat(fx.postWithToken(ServerFixture.toolsList(1), "test-token").statusCode()).isEqualTo(401);
            replace(fx.dir.resolve("tokens.yaml"), added);
            await().atMost(WITHIN).pollInterval(Duration.ofMillis(5))
                    .until(() -> fx.postWithToken(ServerFixture.toolsList(1), "test-token").statusCode() == 200);
            assertThat(fx.postWithToken(ServerFixture.toolsList(1), fx.apiToken).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void userDisabledInTheFileLosesTheirSessionsAndCannotLogIn() throws Exception {
        try (ServerFixture fx = ServerFixture.builder().watch().rateLimit(10_000).start()) {
            String session = fx.sessionToken();
            assertThat(fx.postWithToken(ServerFixture.toolsList(1), session).statusCode()).isEqualTo(200);
            Path users = fx.dir.resolve("users.yaml");
            String content = Files.readString(users);
            assertThat(content).contains("enabled: true");
            replace(users, content.replace("enabled: true", "enabled: false"));
            await().atMost(WITHIN).pollInterval(Duration.ofMillis(5))
                    .until(() -> fx.postWithToken(ServerFixture.toolsList(1), session).statusCode() == 401);
            String login = fx.post(ServerFixture.login(ServerFixture.USER, ServerFixture.PASSWORD)).body();
            assertThat(ServerFixture.json(fx.post(ServerFixture.login(ServerFixture.USER, ServerFixture.PASSWORD)))
                    .at("/error/data").asText()).as(login).isEqualTo(LoginResult.GENERIC_FAILURE_MESSAGE);
            // API tokens are not tied to users: still fine.
            assertThat(fx.postWithToken(ServerFixture.toolsList(1), fx.apiToken).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void sessionsSurviveAPasswordChange() throws Exception {
        try (ServerFixture fx = ServerFixture.builder().watch().rateLimit(10_000).start()) {
            String session = fx.sessionToken();
            fx.auth.updateUser(ServerFixture.USER, "AnotherPassword456!", null);
            assertThat(fx.postWithToken(ServerFixture.toolsList(1), session).statusCode()).isEqualTo(200);
        }
    }
}
