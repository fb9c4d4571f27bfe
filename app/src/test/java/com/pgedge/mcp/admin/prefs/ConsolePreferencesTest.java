package com.pgedge.mcp.admin.prefs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.pgedge.mcp.admin.store.StoreLocation;

class ConsolePreferencesTest {

    @TempDir
    Path dir;

    @Test
    void windowThemeAndRecentSurviveARestart() throws Exception {
        ConsolePreferences p = ConsolePreferences.load(dir);
        p.setWindow(new ConsolePreferences.WindowBounds(1400, 900, false));
        p.setDarkTheme(true);
        StoreLocation a = StoreLocation.inFolder(dir.resolve("a"));
        StoreLocation b = new StoreLocation(dir.resolve("t.yaml"), dir.resolve("u.yaml"), dir.resolve("c.yaml"));
        p.addRecent(a);
        p.addRecent(b);
        p.addRecent(a); // moves to the front, no duplicate
        p.save();

        ConsolePreferences again = ConsolePreferences.load(dir);
        assertThat(again.window()).isEqualTo(new ConsolePreferences.WindowBounds(1400, 900, false));
        assertThat(again.darkTheme()).isTrue();
        assertThat(again.recent()).containsExactly(a, b);
    }

    @Test
    void recentListIsBounded() {
        ConsolePreferences p = ConsolePreferences.load(dir);
        for (int i = 0; i < 20; i++) {
            p.addRecent(StoreLocation.inFolder(dir.resolve("f" + i)));
        }
        assertThat(p.recent()).hasSize(ConsolePreferences.MAX_RECENT);
        assertThat(p.recent().get(0)).isEqualTo(StoreLocation.inFolder(dir.resolve("f19")));
    }

    @Test
    void damagedOrMissingFileMeansDefaults() throws Exception {
        assertThat(ConsolePreferences.load(dir.resolve("nowhere")).window().width()).isEqualTo(1280);
        Files.writeString(dir.resolve(ConsolePreferences.FILE_NAME), "window.width=\\u12\nwindow.height=abc\n");
        ConsolePreferences p = ConsolePreferences.load(dir);
        assertThat(p.window()).isEqualTo(new ConsolePreferences.WindowBounds(1280, 800, false));
    }

    @Test
    void dataFolderFollowsTheOs() {
        assertThat(DataFolder.resolve(null, Map.of(), "Linux", "/home/u")).isEqualTo(Path.of("/home/u/.local/share/pgedge-postgres-mcp"));
        assertThat(DataFolder.resolve(null, Map.of("XDG_DATA_HOME", "/x"), "Linux", "/home/u")).isEqualTo(Path.of("/x/pgedge-postgres-mcp"));
        assertThat(DataFolder.resolve(null, Map.of("XDG_DATA_HOME", "relative"), "Linux", "/home/u"))
                .isEqualTo(Path.of("/home/u/.local/share/pgedge-postgres-mcp"));
        assertThat(DataFolder.resolve(null, Map.of(), "Mac OS X", "/Users/u"))
                .isEqualTo(Path.of("/Users/u/Library/Application Support/pgedge-postgres-mcp"));
        assertThat(DataFolder.resolve(null, Map.of("LOCALAPPDATA", "C:/Users/u/AppData/Local"), "Windows 11", "C:/Users/u"))
                .as("the same folder as the CLI and the server")
                .isEqualTo(Path.of("C:/Users/u/AppData/Local/pgedge-postgres-mcp"));
        assertThat(DataFolder.resolve("/portable", Map.of(), "Linux", "/home/u")).isEqualTo(Path.of("/portable"));
    }
}
