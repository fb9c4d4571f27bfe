package com.pgedge.mcp.admin.shell;

import static org.assertj.core.api.Assertions.assertThat;

import com.pgedge.mcp.admin.store.StoreLocation;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class MainWindowStatusTextTest {

    @Test
    void filesInOneFolderShowAsThatFolderWithHomeAsTilde() {
        StoreLocation l = StoreLocation.inFolder(Path.of("/home/ann/.local/share/pgedge-postgres-mcp"));
        assertThat(MainWindow.statusText(l, "/home/ann")).isEqualTo("Files in ~/.local/share/pgedge-postgres-mcp");
        assertThat(MainWindow.statusText(l, "/home/bob")).isEqualTo("Files in /home/ann/.local/share/pgedge-postgres-mcp");
    }

    @Test
    void filesInDifferentFoldersShowBothPaths() {
        StoreLocation l = new StoreLocation(Path.of("/etc/pgedge/t.yaml"), Path.of("/srv/u.yaml"), null);
        assertThat(MainWindow.statusText(l, "/root")).contains("/etc/pgedge/t.yaml").contains("/srv/u.yaml");
    }
}
