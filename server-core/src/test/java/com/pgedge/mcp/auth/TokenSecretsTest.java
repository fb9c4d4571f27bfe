package com.pgedge.mcp.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TokenSecretsTest {

    @Test
    void specTestVectors() {
        assertThat(TokenSecrets.sha256Hex("UojQKv-v4hvLJcAHdRc0iLfpFeLEUHGPK_vmv-izzTM="))
                .isEqualTo("e99fbcaf4ca3cb214baf260e64efa48b41b78287dbb1fe63fd7d05cb1f74a2a3");
        assertThat(TokenSecrets.sha256Hex("test-token"))
                .isEqualTo("4c5dc9b7708905f77f5e5d16316b5dfb425e68cb326dcd55a860e90a7707031e");
        assertThat(AuthService.hashToken("test-token")).isEqualTo(TokenSecrets.sha256Hex("test-token"));
    }

    @Test
    void tenThousandTokensAreDistinctWith44UrlSafeCharactersAndPadding() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String t = TokenSecrets.generate();
            assertThat(t).hasSize(44).matches("[A-Za-z0-9_-]{43}=");
            assertThat(java.util.Base64.getUrlDecoder().decode(t)).hasSize(32);
            seen.add(t);
        }
        assertThat(seen).hasSize(10_000);
    }
}
