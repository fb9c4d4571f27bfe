package com.pgedge.mcp.admin.gui;

import javafx.scene.control.TextInputControl;
import org.testfx.api.FxRobot;

/**
 * Puts text into a field the way a paste does: click it first (focus, as a person would), then
 * set the whole text at once. Typed key by key, a string of twenty characters on a loaded 2-core
 * machine now and then loses a key, which tests the robot rather than the console.
 */
final class FieldInput {

    private FieldInput() {
    }

    static void enter(FxRobot robot, String query, String text) {
        robot.clickOn(query);
        robot.interact(() -> robot.lookup(query).queryAs(TextInputControl.class).setText(text));
    }
}
