package com.pgedge.mcp.admin.common;

import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;

import javafx.scene.control.Button;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCombination;
import atlantafx.base.controls.CustomTextField;

/** Small factories so every button and menu item gets an id, an icon and a tooltip the same way. */
public final class Controls {

    private Controls() {
    }

    public static Button button(String id, String text, Ikon icon, String tooltip) {
        Button b = new Button(text, new FontIcon(icon));
        b.setId(id);
        b.setMnemonicParsing(false);
        // Never squeeze a button to "Dis...": the search field gives way instead.
        b.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
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

    /**
     * A search field with a clear button. AtlantaFX's CustomTextField rather than ControlsFX's:
     * the ControlsFX one brings a stylesheet that fights the AtlantaFX theme.
     */
    public static CustomTextField search(String id, String prompt) {
        CustomTextField field = new CustomTextField();
        field.setId(id);
        field.setPromptText(prompt);
        field.setLeft(new FontIcon(org.kordamp.ikonli.feather.Feather.SEARCH));
        FontIcon clear = new FontIcon(org.kordamp.ikonli.feather.Feather.X);
        clear.setId(id + "Clear");
        clear.setCursor(javafx.scene.Cursor.HAND);
        clear.visibleProperty().bind(field.textProperty().isNotEmpty());
        clear.setOnMouseClicked(e -> field.clear());
        field.setRight(clear);
        field.setPrefColumnCount(18);
        field.setMinWidth(160);
        return field;
    }

    /**
     * Feeds a search field into a ViewModel's query after a short pause in typing, so a fast
     * typist filters 100 000 rows once per pause instead of once per letter. Changes made by the
     * ViewModel (a cleared search) show in the field at once.
     */
    public static void bindSearch(javafx.scene.control.TextField field, javafx.beans.property.StringProperty query) {
        javafx.animation.PauseTransition pause = new javafx.animation.PauseTransition(javafx.util.Duration.millis(120));
        pause.setOnFinished(e -> query.set(field.getText()));
        field.setText(query.get());
        field.textProperty().addListener((obs, old, text) -> {
            if (text == null || text.isEmpty()) {
                pause.stop();
                query.set(""); // clearing is always quick: show everything at once
            } else if (!text.equals(query.get())) {
                pause.playFromStart();
            }
        });
        query.addListener((obs, old, q) -> {
            if (q != null && !q.equals(field.getText())) {
                field.setText(q);
            }
        });
    }
}
