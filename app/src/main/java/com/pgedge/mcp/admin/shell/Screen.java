package com.pgedge.mcp.admin.shell;

import java.util.List;

import org.kordamp.ikonli.Ikon;

import javafx.scene.Node;
import javafx.scene.control.MenuItem;

/** One screen of the console: its content, and the actions the shell puts into the Actions menu. */
public interface Screen {

    /** Stable id, also used for the navigation button ({@code nav-<key>}). */
    String key();

    String title();

    Ikon icon();

    Node content();

    /** Menu items (with accelerators) for the Actions menu while this screen is shown. */
    List<MenuItem> actions();

    /** Ctrl+F: put the cursor in this screen's search box, if it has one. */
    default void focusSearch() {
    }

    /** Called each time the screen is shown. */
    default void onShown() {
    }
}
