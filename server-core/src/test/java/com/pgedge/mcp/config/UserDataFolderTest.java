package com.pgedge.mcp.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.pgedge.mcp.config.ConfigLoader.Purpose;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserDataFolderTest {

    @TempDir
    Path tmp;

    @Test
    void followsEachPlatformsConvention() {
        assertThat(UserDataFolder.resolve(null, Map.of(), "Linux", "/home/u"))
                .isEqualTo(Path.of("/home/u/.local/share/pgedge-postgres-mcp"));
        assertThat(UserDataFolder.resolve(null, Map.of("XDG_DATA_HOME", "/x"), "Linux", "/home/u"))
                .isEqualTo(Path.of("/x/pgedge-postgres-mcp"));
        assertThat(UserDataFolder.resolve(null, Map.of("XDG_DATA_HOME", "relative"), "Linux", "/home/u"))
                .as("a relative XDG_DATA_HOME is ignored, as the XDG spec says")
                .isEqualTo(Path.of("/home/u/.local/share/pgedge-postgres-mcp"));
        assertThat(UserDataFolder.resolve(null, Map.of(), "Mac OS X", "/Users/u"))
                .isEqualTo(Path.of("/Users/u/Library/Application Support/pgedge-postgres-mcp"));
        assertThat(UserDataFolder.resolve(null, Map.of("LOCALAPPDATA", "/c/Users/u/AppData/Local"), "Windows 11", "/c/Users/u"))
                .isEqualTo(Path.of("/c/Users/u/AppData/Local/pgedge-postgres-mcp"));
        assertThat(UserDataFolder.resolve(null, Map.of(), "Windows 11", "/c/Users/u"))
                .isEqualTo(Path.of("/c/Users/u/AppData/Local/pgedge-postgres-mcp"));
        assertThat(UserDataFolder.resolve("/portable", Map.of(), "Linux", "/home/u")).isEqualTo(Path.of("/portable"));
    }

    @Test
    void withoutAConfigFileCredentialFilesDefaultToTheDataFolder() throws IOException {
        Path cwd = Files.createDirectories(tmp.resolve("cwd"));
        Path launcher = Files.createDirectories(tmp.resolve("launcher"));
        Path data = tmp.resolve("data");
        ServerConfig c = new ConfigLoader(Map.of(), new ConfigLocations(cwd, launcher, null, data))
                .load(ConfigOverrides.none(), Purpose.SERVER).config();
        assertThat(c.http().auth().tokenFile()).isEqualTo(data.resolve("pgedge-postgres-mcp-tokens.yaml"));
        assertThat(c.http().auth().userFile()).isEqualTo(data.resolve("pgedge-postgres-mcp-users.yaml"));
    }

    @Test
    void aConfigFileBesideTheLauncherStillWinsOverTheDataFolder() throws IOException {
        Path cwd = Files.createDirectories(tmp.resolve("cwd"));
        Path launcher = Files.createDirectories(tmp.resolve("launcher"));
        Files.writeString(launcher.resolve("pgedge-postgres-mcp.yaml"), "http:\n  enabled: true\n");
        ServerConfig c = new ConfigLoader(Map.of(), new ConfigLocations(cwd, launcher, null, tmp.resolve("data")))
                .load(ConfigOverrides.none(), Purpose.SERVER).config();
        assertThat(c.http().auth().tokenFile()).isEqualTo(launcher.resolve("pgedge-postgres-mcp-tokens.yaml"));
    }
}
