package com.pgedge.mcp.auth;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fast reader must never read a file differently from the full safe loader: for every
 * input it either gives exactly the loader's tree, or declines.
 */
class PlainBlockYamlTest {

    static void sameAsLoaderOrDeclined(String yaml) {
        byte[] bytes = yaml.getBytes(UTF_8);
        ObjectNode fast = PlainBlockYaml.tryRead(bytes);
        if (fast != null) {
            assertThat(fast).as(yaml).isEqualTo(CredentialYaml.readWithLoader(bytes));
        }
    }

    @Test
    void readsTheReferenceLayoutsAndOurOwnOutputExactlyLikeTheLoader() {
        for (String yaml : new String[] {CredentialFileFormatTest.REFERENCE_TOKENS, CredentialFileFormatTest.REFERENCE_USERS}) {
            assertThat(PlainBlockYaml.tryRead(yaml.getBytes(UTF_8))).as("fast path taken").isNotNull();
            sameAsLoaderOrDeclined(yaml);
        }
        try (AuthService auth = AuthTestSupport.open(AuthTestSupport.settings(java.nio.file.Path.of(
                System.getProperty("java.io.tmpdir"), "plain-" + System.nanoTime())), new MutableClock())) {
            auth.addToken("", null, null);
            auth.addToken("note: with colon # and hash", Duration.ofDays(1), "db");
            auth.addToken("'quoted' \"double\"", null, "123");
            auth.addToken("true", null, "null");
            auth.addUser("alice", "pw", "Alice Smith - Developer");
            auth.addUser("n", "pw", "yes");
            for (java.nio.file.Path p : new java.nio.file.Path[] {auth.tokenFile(), auth.userFile()}) {
                String written = new String(readAll(p), UTF_8);
                sameAsLoaderOrDeclined(written);
                assertThat(PlainBlockYaml.tryRead(written.getBytes(UTF_8))).as("fast path for our own output")
                        .isNotNull();
            }
        }
    }

    static byte[] readAll(java.nio.file.Path p) {
        try {
            return java.nio.file.Files.readAllBytes(p);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "", "\n", "{}", "tokens:", "tokens: {}", "tokens:\n    t: {}\n", "# c\ntokens:\n    # c\n    t:\n        hash: a\n",
            "tokens:\n    t:\n        hash: a # trailing comment\n",
            "tokens:\n    t:\n        hash: 0123\n", "tokens:\n    t:\n        hash: 0x1F\n", "tokens:\n    t:\n        hash: 1e5\n",
            "tokens:\n    t:\n        hash: 12:30\n", "tokens:\n    t:\n        hash: .inf\n", "tokens:\n    t:\n        hash: -5\n",
            "tokens:\n    t:\n        n: yes\n", "tokens:\n    t:\n        n: ~\n", "tokens:\n    t:\n        n: NULL\n",
            "tokens:\n    t:\n        n: 'it''s'\n", "tokens:\n    t:\n        n: \"a\\\"b\"\n", "tokens:\n    t:\n        n: 'a: b'\n",
            "tokens:\n  t:\n    hash: a\n", "tokens:\n\tt: x\n", "tokens:\r\n    t: x\r\n",
            "tokens:\n    t:\n        hash: [a, b]\n", "tokens:\n    t:\n        hash: &x a\n", "tokens:\n    t:\n        hash: *x\n",
            "tokens:\n    t:\n        hash: !!str a\n", "tokens:\n    t:\n        hash: |\n            a\n",
            "tokens:\n    t:\n        hash: a\n        hash: b\n", "tokens:\n    t:\n        a: 1\n    t:\n        a: 2\n",
            "tokens:\n    t:\n        deep:\n            x: 1\n", "    t: x\n", "tokens:\n        t: x\n",
            "tokens:\n    t:\n        created_at: 2025-01-01 10:00:00\n", "tokens:\n    t:\n        x: 2025-01-01\n",
            "tokens:\n    t:\n        x: 99999999999999999999\n", "tokens:\n    t:\n        x: 123456789012\n",
            "tokens:\n    t:\n        x: -\n", "tokens:\n    t:\n        x: -a\n", "tokens:\n    t:\n        x: a:b\n",
            "tokens:\n    t:\n        x: http://h:1/p\n", "tokens:\n    t:\n        x: a  \n", "\uFEFFtokens: {}\n",
            "tokens:\n    \"quoted key\":\n        x: 1\n", "tokens:\n    'k''s':\n        x: 1\n", "tokens:\n    t:x\n",
            "tokens: x\nusers:\n    a:\n        b: c\n", "a: 1\nb:\nc: {}\n", "tokens:\n    t:\n        x: \"\"\n"})
    void everyInputIsReadLikeTheLoaderOrDeclined(String yaml) {
        try {
            CredentialYaml.readWithLoader(yaml.getBytes(UTF_8));
        } catch (IllegalArgumentException invalid) {
            // The loader refuses it: the fast reader must decline too.
            assertThat(PlainBlockYaml.tryRead(yaml.getBytes(UTF_8))).as(yaml).isNull();
            return;
        }
        sameAsLoaderOrDeclined(yaml);
    }

    @Test
    void aBigGeneratedFileTakesTheFastPath() {
        StringBuilder sb = new StringBuilder("tokens:\n");
        for (int i = 0; i < 1000; i++) {
            sb.append("    token-").append(i).append(":\n        hash: ").append(TokenSecrets.sha256Hex("t" + i))
                    .append("\n        expires_at: ").append(Instant.ofEpochSecond(1_700_000_000L + i))
                    .append("\n        annotation: token number ").append(i).append('\n');
        }
        sameAsLoaderOrDeclined(sb.toString());
        assertThat(PlainBlockYaml.tryRead(sb.toString().getBytes(UTF_8))).isNotNull();
        // The streaming read (entries handed over one by one) gives the same records as the loader.
        byte[] bytes = sb.toString().getBytes(UTF_8);
        java.util.List<TokenRecord> streamed = TokenFile.CODEC.parse(bytes).tokens().values().stream()
                .map(TokenFile.Entry::record).toList();
        java.util.List<String> loaderIds = new java.util.ArrayList<>();
        CredentialYaml.readWithLoader(bytes).get("tokens").fieldNames().forEachRemaining(loaderIds::add);
        assertThat(streamed).hasSize(1000);
        assertThat(streamed).extracting(TokenRecord::id).containsExactlyInAnyOrderElementsOf(loaderIds);
        assertThat(streamed.get(0).hash()).isEqualTo(TokenSecrets.sha256Hex("t0"));
    }
}
