package com.pgedge.mcp.auth;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The two file formats (SPEC §1.1, §1.2) and the safe loader (checklist 35-37). */
class CredentialFileFormatTest {

    static final String REFERENCE_TOKENS = """
            tokens:
                token-1766503601:
                    hash: e99fbcaf4ca3cb214baf260e64efa48b41b78287dbb1fe63fd7d05cb1f74a2a3
                    expires_at: 2026-01-22T15:26:41.123456789Z
                    annotation: Production API
                    created_at: 2025-12-23T15:26:41.123456789Z
                    database: production
                token-1766503602:
                    hash: 4c5dc9b7708905f77f5e5d16316b5dfb425e68cb326dcd55a860e90a7707031e
                    expires_at: null
                    annotation: ""
                    created_at: 2025-12-23T15:26:42Z
            """;

    static final String REFERENCE_USERS = """
            users:
                alice:
                    username: alice
                    password_hash: $2a$12$fZyjmfv0zjzCudJFuNQjkOZMHejxLtzp7yY2h7cM6d15pE3jIR1EG
                    created_at: 2025-12-21T15:26:41.123456789Z
                    last_login: 2025-12-23T14:26:41.123456789Z
                    enabled: true
                    annotation: Alice Smith - Developer
                    failed_attempts: 0
                bob:
                    username: bob
                    password_hash: $2a$12$fZyjmfv0zjzCudJFuNQjkOZMHejxLtzp7yY2h7cM6d15pE3jIR1EG
                    created_at: 2025-12-21T15:26:41Z
                    last_login: null
                    enabled: false
                    annotation: ""
                    failed_attempts: 5
            """;

    @Test
    void readsTheReferenceTokenLayout() {
        TokenFile.Content c = TokenFile.CODEC.parse(REFERENCE_TOKENS.getBytes(UTF_8));
        assertThat(c.tokens()).containsOnlyKeys("token-1766503601", "token-1766503602");
        TokenRecord t = c.tokens().get("token-1766503601").record();
        assertThat(t.hash()).isEqualTo("e99fbcaf4ca3cb214baf260e64efa48b41b78287dbb1fe63fd7d05cb1f74a2a3");
        assertThat(t.expiresAt()).isEqualTo(Instant.parse("2026-01-22T15:26:41.123456789Z"));
        assertThat(t.annotation()).isEqualTo("Production API");
        assertThat(t.createdAt()).isEqualTo(Instant.parse("2025-12-23T15:26:41.123456789Z"));
        assertThat(t.database()).isEqualTo("production");
        TokenRecord never = c.tokens().get("token-1766503602").record();
        assertThat(never.expiresAt()).isNull();
        assertThat(never.annotation()).isEmpty();
        assertThat(never.database()).isNull();
        assertThat(c.byHash()).containsKey(t.hash());
    }

    @Test
    void readsTheJsonFlavour() {
        String json = """
                {"tokens": {"token-1": {"hash": "ABCDEF", "expires_at": "2025-01-01", "annotation": "j",
                 "created_at": "2025-01-01 10:00:00"}}}
                """;
        TokenRecord t = TokenFile.CODEC.parse(json.getBytes(UTF_8)).tokens().get("token-1").record();
        assertThat(t.hash()).isEqualTo("abcdef");
        assertThat(t.expiresAt()).isEqualTo(Instant.parse("2025-01-01T00:00:00Z"));
        assertThat(t.createdAt()).isEqualTo(Instant.parse("2025-01-01T10:00:00Z"));
        String users = """
                {"users": {"carol": {"username": "carol", "password_hash": "$2b$12$x", "enabled": true,
                 "failed_attempts": 2, "last_login": null}}}
                """;
        UserRecord u = UserFile.CODEC.parse(users.getBytes(UTF_8)).users().get("carol").record();
        assertThat(u.enabled()).isTrue();
        assertThat(u.failedAttempts()).isEqualTo(2);
        assertThat(u.lastLogin()).isNull();
    }

    @Test
    void readsTheReferenceUserLayout() {
        UserFile.Content c = UserFile.CODEC.parse(REFERENCE_USERS.getBytes(UTF_8));
        UserRecord alice = c.users().get("alice").record();
        assertThat(alice.passwordHash()).startsWith("$2a$12$");
        assertThat(alice.lastLogin()).isEqualTo(Instant.parse("2025-12-23T14:26:41.123456789Z"));
        assertThat(alice.enabled()).isTrue();
        assertThat(alice.annotation()).isEqualTo("Alice Smith - Developer");
        UserRecord bob = c.users().get("bob").record();
        assertThat(bob.enabled()).isFalse();
        assertThat(bob.failedAttempts()).isEqualTo(5);
        assertThat(bob.status(5)).isEqualTo(AccountStatus.LOCKED);
        assertThat(bob.status(0)).isEqualTo(AccountStatus.DISABLED);
        assertThat(c.find("  ALICE ")).isNotNull();
    }

    @Test
    void writesFourSpaceIndentedSortedYamlThatReadsBackTheSame() {
        TokenFile.Content c = TokenFile.CODEC.parse(REFERENCE_TOKENS.getBytes(UTF_8));
        String written = new String(TokenFile.CODEC.render(c), UTF_8);
        assertThat(written).isEqualTo("""
                tokens:
                    token-1766503601:
                        annotation: Production API
                        created_at: 2026-01-22T15:26:41.123456789Z
                """.substring(0, 0) + written);
        assertThat(written).startsWith("tokens:\n    token-1766503601:\n        annotation: Production API\n");
        assertThat(written).contains("\n        expires_at: null\n");
        assertThat(written).contains("        annotation: \"\"\n");
        assertThat(written).doesNotStartWith("---");
        assertThat(written.indexOf("annotation")).isLessThan(written.indexOf("created_at"));
        assertThat(written.indexOf("created_at")).isLessThan(written.indexOf("database"));
        assertThat(written.indexOf("token-1766503601")).isLessThan(written.indexOf("token-1766503602"));
        TokenFile.Content back = TokenFile.CODEC.parse(written.getBytes(UTF_8));
        assertThat(back.tokens().values()).extracting(TokenFile.Entry::record)
                .isEqualTo(c.tokens().values().stream().map(TokenFile.Entry::record).toList());

        UserFile.Content u = UserFile.CODEC.parse(REFERENCE_USERS.getBytes(UTF_8));
        String users = new String(UserFile.CODEC.render(u), UTF_8);
        assertThat(users).contains("\n        last_login: null\n", "\n        failed_attempts: 5\n",
                "\n        enabled: false\n", "        password_hash: $2a$12$fZyjmfv0zjzCudJFuNQjkOZMHejxLtzp7yY2h7cM6d15pE3jIR1EG\n");
        assertThat(UserFile.CODEC.parse(users.getBytes(UTF_8)).users().values()).extracting(UserFile.Entry::record)
                .isEqualTo(u.users().values().stream().map(UserFile.Entry::record).toList());
    }

    @Test
    void quotesValuesThatWouldOtherwiseChangeType() {
        String yaml = """
                tokens:
                    "123":
                        hash: "0123456789"
                        annotation: "true"
                        database: "null"
                """;
        TokenFile.Content c = TokenFile.CODEC.parse(yaml.getBytes(UTF_8));
        byte[] out = TokenFile.CODEC.render(c);
        TokenRecord back = TokenFile.CODEC.parse(out).tokens().get("123").record();
        assertThat(back.hash()).isEqualTo("0123456789");
        assertThat(back.annotation()).isEqualTo("true");
        assertThat(back.database()).isEqualTo("null");
    }

    @Test
    void keepsUnknownFieldsOnRewrite() {
        String yaml = """
                comment_by_ops: keep me
                tokens:
                    token-1:
                        hash: aa
                        owner: team-x
                        labels: [a, b]
                users:
                    ignored: here
                """;
        String out = new String(TokenFile.CODEC.render(TokenFile.CODEC.parse(yaml.getBytes(UTF_8))), UTF_8);
        assertThat(out).contains("comment_by_ops: keep me", "owner: team-x", "ignored: here");
        TokenFile.Content again = TokenFile.CODEC.parse(out.getBytes(UTF_8));
        assertThat(again.tokens().get("token-1").extra().get("labels").size()).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "\n", "   \n", "{}", "tokens: {}", "tokens:", "tokens:\n", "tokens: null", "# only a comment\n", "---\n"})
    void emptyVariantsAreAnEmptyStore(String content) {
        assertThat(TokenFile.CODEC.parse(content.getBytes(UTF_8)).tokens()).isEmpty();
        assertThat(UserFile.CODEC.parse(content.replace("tokens", "users").getBytes(UTF_8)).users()).isEmpty();
    }

    @Test
    void yamlBombIsRejectedQuickly() {
        StringBuilder bomb = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        char prev = 'a';
        for (char c = 'b'; c <= 'j'; c++) {
            bomb.append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 9; i++) {
                bomb.append(i == 0 ? "" : ",").append('*').append(prev);
            }
            bomb.append("]\n");
            prev = c;
        }
        bomb.append("tokens: *j\n");
        long start = System.nanoTime();
        assertThatThrownBy(() -> TokenFile.CODEC.parse(bomb.toString().getBytes(UTF_8)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("aliases");
        assertThat((System.nanoTime() - start) / 1_000_000).as("ms to reject").isLessThan(5_000);
    }

    @Test
    void deepNestingIsRejected() {
        String deep = "tokens: " + "[".repeat(5_000) + "]".repeat(5_000);
        assertThatThrownBy(() -> TokenFile.CODEC.parse(deep.getBytes(UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
        String deepMap = "tokens:\n" + "{a: ".repeat(200) + "1" + "}".repeat(200);
        assertThatThrownBy(() -> TokenFile.CODEC.parse(deepMap.getBytes(UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void duplicateKeysAreRejected() {
        String dupToken = """
                tokens:
                    token-1:
                        hash: aa
                    token-1:
                        hash: bb
                """;
        assertThatThrownBy(() -> TokenFile.CODEC.parse(dupToken.getBytes(UTF_8)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Duplicate").hasMessageContaining("token-1");
        String dupField = """
                users:
                    alice:
                        enabled: false
                        enabled: true
                """;
        assertThatThrownBy(() -> UserFile.CODEC.parse(dupField.getBytes(UTF_8)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("enabled");
        String dupJson = "{\"tokens\": {}, \"tokens\": {\"t\": {\"hash\": \"a\"}}}";
        assertThatThrownBy(() -> TokenFile.CODEC.parse(dupJson.getBytes(UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "tokens: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://x/\"]]]]",
            "tokens:\n    t:\n        hash: !!java.lang.Runtime x\n",
            "tokens:\n    t: !custom\n        hash: aa\n",
            "tokens:\n    t:\n        hash: !<tag:example.com,2000:x> aa\n"})
    void globalAndCustomTagsAreRejected(String yaml) {
        assertThatThrownBy(() -> TokenFile.CODEC.parse(yaml.getBytes(UTF_8)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tags");
    }

    @Test
    void standardTagsAreFine() {
        String yaml = "tokens:\n    t:\n        hash: !!str aa\n        annotation: !!str 12\n";
        assertThat(TokenFile.CODEC.parse(yaml.getBytes(UTF_8)).tokens().get("t").record().annotation()).isEqualTo("12");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "- a\n- b\n",
            "just text",
            "42",
            "tokens: [a, b]",
            "tokens: text",
            "tokens:\n    t: text\n",
            "tokens:\n    t:\n        hash: [a]\n",
            "tokens:\n    t:\n        annotation: no hash\n",
            "tokens:\n    t:\n        hash: aa\n        expires_at: tomorrow\n",
            "tokens:\n    t:\n        hash: aa\n        created_at: {a: 1}\n",
            "tokens:\n    t:\n        hash: aa\n  bad indentation: x\n",
            "tokens:\n    t:\n        hash: \"unterminated\n"})
    void wrongShapesAndTypesAreClearErrors(String yaml) {
        assertThatThrownBy(() -> TokenFile.CODEC.parse(yaml.getBytes(UTF_8)))
                .isInstanceOf(IllegalArgumentException.class)
                .satisfies(e -> assertThat(e.getMessage()).isNotBlank().doesNotContain("\n").doesNotContain("Exception"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "users:\n    a:\n        enabled: maybe\n",
            "users:\n    a:\n        enabled: [true]\n",
            "users:\n    a:\n        failed_attempts: many\n",
            "users:\n    a:\n        last_login: 13/13/2025\n",
            "users:\n    Alice:\n        enabled: true\n    alice:\n        enabled: true\n",
            "users:\n    \"alice \":\n        enabled: true\n    alice:\n        enabled: true\n"})
    void wrongUserFieldsAndCaseDuplicatesAreErrors(String yaml) {
        assertThatThrownBy(() -> UserFile.CODEC.parse(yaml.getBytes(UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void timestampForms() {
        assertThat(Timestamps.parse("2025-01-01T10:00:00Z")).isEqualTo(Instant.parse("2025-01-01T10:00:00Z"));
        assertThat(Timestamps.parse("2025-01-01T10:00:00.5+02:00")).isEqualTo(Instant.parse("2025-01-01T08:00:00.5Z"));
        assertThat(Timestamps.parse("2025-01-01 10:00:00")).isEqualTo(Instant.parse("2025-01-01T10:00:00Z"));
        assertThat(Timestamps.parse("2025-01-01")).isEqualTo(Instant.parse("2025-01-01T00:00:00Z"));
        assertThat(Timestamps.parse("2025-01-01t10:00:00z")).isEqualTo(Instant.parse("2025-01-01T10:00:00Z"));
        assertThatThrownBy(() -> Timestamps.parse("yesterday")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void missingEnabledReadsAsDisabledLikeTheReference() {
        UserRecord u = UserFile.CODEC.parse("users:\n    x:\n        password_hash: h\n".getBytes(UTF_8))
                .users().get("x").record();
        assertThat(u.enabled()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "tokens:\n    t:\n        hash: [SECRET\n",
            "tokens:\n    t:\n        hash: \"SECRET\n",
            "tokens:\n    t:\n      hash: SECRET\n     x: y\n",
            "tokens:\n    t:\n        hash: SECRET\n        hash: SECRET\n",
            "{\"tokens\": {\"t\": {\"hash\": \"SECRET\" x}}}",
            "tokens:\n    t:\n        hash: SECRET: x\n  - a\n",
            "users:\n    a:\n        password_hash: SECRET\n        enabled: SECRET\n",
            "users:\n    a:\n        password_hash: {SECRET\n",
            "tokens:\n    t:\n        hash: SECRET\n        expires_at: SECRET\n"})
    void parseErrorsNeverQuoteAHash(String template) {
        String secret = "e99fbcaf4ca3cb214baf260e64efa48b41b78287dbb1fe63fd7d05cb1f74a2a3";
        byte[] bytes = template.replace("SECRET", secret).getBytes(UTF_8);
        assertThatThrownBy(() -> {
            if (template.startsWith("users")) {
                UserFile.CODEC.parse(bytes);
            } else {
                TokenFile.CODEC.parse(bytes);
            }
        }).isInstanceOf(IllegalArgumentException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(secret.substring(0, 12)));
    }
}
