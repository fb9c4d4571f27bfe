package com.pgedge.mcp.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class ConsoleArgsTest {

    private final Path data = Path.of("/home/u/.local/share/pgedge-postgres-mcp");

    @Test
    void noArgumentsMeansRecentOrDataFolder() {
        assertThat(ConsoleArgs.parse(new String[0], data).location()).isNull();
    }

    @Test
    void bothFilesInEitherSpelling() {
        ConsoleArgs a = ConsoleArgs.parse(new String[] {"--token-file", "/etc/mcp/t.yaml", "-user-file=/etc/mcp/u.yaml"}, data);
        assertThat(a.location().tokenFile()).isEqualTo(Path.of("/etc/mcp/t.yaml"));
        assertThat(a.location().userFile()).isEqualTo(Path.of("/etc/mcp/u.yaml"));
        assertThat(a.location().configFile()).isNull();
    }

    @Test
    void oneFileTakesTheOtherFromTheDataFolder() {
        ConsoleArgs a = ConsoleArgs.parse(new String[] {"--user-file", "/srv/u.yaml"}, data);
        assertThat(a.location().tokenFile()).isEqualTo(data.resolve("pgedge-postgres-mcp-tokens.yaml"));
    }

    @Test
    void configAloneLeavesTheFilesToTheConfig() {
        ConsoleArgs a = ConsoleArgs.parse(new String[] {"--config", "/etc/mcp/pgedge-postgres-mcp.yaml"}, data);
        assertThat(a.location().configFile()).isEqualTo(Path.of("/etc/mcp/pgedge-postgres-mcp.yaml"));
        assertThat(a.location().tokenFile()).isNull();
        assertThat(a.location().label()).isEqualTo("/etc/mcp/pgedge-postgres-mcp.yaml");
    }

    @Test
    void mistakesAreExplained() {
        assertThatThrownBy(() -> ConsoleArgs.parse(new String[] {"--token-file"}, data)).hasMessageContaining("needs a file");
        assertThatThrownBy(() -> ConsoleArgs.parse(new String[] {"--tokens", "x"}, data)).hasMessageContaining("Unknown option '--tokens'")
                .hasMessageContaining("Usage");
        assertThatThrownBy(() -> ConsoleArgs.parse(new String[] {"file.yaml"}, data)).hasMessageContaining("Unexpected argument");
    }
}
