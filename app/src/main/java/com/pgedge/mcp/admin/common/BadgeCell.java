package com.pgedge.mcp.admin.common;

import java.util.Locale;

import javafx.scene.control.Label;
import javafx.scene.control.TableCell;

/**
 * Shows a status word as a coloured badge. The colour comes from the style class
 * {@code badge-<word>} in console.css, so the light and dark themes can each pick theirs.
 */
public final class BadgeCell<S> extends TableCell<S, String> {

    private final Label badge = new Label();

    public BadgeCell() {
        badge.getStyleClass().add("badge");
    }

    @Override
    protected void updateItem(String item, boolean empty) {
        super.updateItem(item, empty);
        if (empty || item == null) {
            setGraphic(null);
            return;
        }
        badge.setText(item);
        badge.getStyleClass().removeIf(c -> c.startsWith("badge-"));
        badge.getStyleClass().add("badge-" + item.toLowerCase(Locale.ROOT));
        setGraphic(badge);
    }
}
