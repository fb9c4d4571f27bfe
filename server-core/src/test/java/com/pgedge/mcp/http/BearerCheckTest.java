package com.pgedge.mcp.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BearerCheckTest {

    private static final String TOKEN = "UojQKv-v4hvLJcAHdRc0iLfpFeLEUHGPK_vmv-izzTM=";

    @Test
    void acceptsOnlyBearerSpaceToken68() {
        assertThat(BearerCheck.extract("Bearer " + TOKEN)).isEqualTo(TOKEN);
        assertThat(BearerCheck.extract("Bearer test-token")).isEqualTo("test-token");
        assertThat(BearerCheck.extract("Bearer  " + TOKEN)).isNull();
        assertThat(BearerCheck.extract("bearer " + TOKEN)).isNull();
        assertThat(BearerCheck.extract("Bearer " + TOKEN + " ")).isNull();
        assertThat(BearerCheck.extract("Bearer " + TOKEN + "\n")).isNull();
        assertThat(BearerCheck.extract("Bearer a=b")).isNull();
        assertThat(BearerCheck.extract("Bearer ")).isNull();
        assertThat(BearerCheck.extract("Bearer")).isNull();
        assertThat(BearerCheck.extract(null)).isNull();
        assertThat(BearerCheck.extract("Bearer " + "A".repeat(513))).isNull();
    }
}
