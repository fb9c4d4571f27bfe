package com.pgedge.mcp.admin.common;

import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;

import javafx.scene.control.Button;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCombination;
import org.controlsfx.control.textfield.CustomTextField;
import org.controlsfx.control.textfield.TextFields;

/** Small factories so every button and menu item gets an id, an icon and a tooltip the same way. */
public final class Controls {

    private Controls() {
    }

    public static Button button(String id, String text, Ikon icon, String tooltip) {
        Button b = new Button(text, new FontIcon(icon));
        b.setId(id);
        b.setMnemonicParsing(false);
        if (tooltip != null) {
            b.setTooltip(new Tooltip(tooltip));
        }
        return b;
    }

    public static MenuItem menuItem(String id, String text, Ikon icon, String accelerator, Runnable action) {
        MenuItem item = new MenuItem(text, icon == null ? null : new FontIcon(icon));
        item.setId(id);
        if (accelerator != null) {
            item.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        item.setOnAction(e -> action.run());
        return item;
    }

    /** A search field with a clear button (ControlsFX). */
    public static CustomTextField search(String id, String prompt) {
        CustomTextField field = (CustomTextField) TextFields.createClearableTextField();
        field.setId(id);
        field.setPromptText(prompt);
        field.setLeft(new FontIcon(org.kordamp.ikonli.feather.Feather.SEARCH));
        field.setPrefColumnCount(24);
        return field;
    }
}
