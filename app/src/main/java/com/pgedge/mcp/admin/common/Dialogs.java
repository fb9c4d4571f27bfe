package com.pgedge.mcp.admin.common;

import java.util.Optional;

import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.stage.Window;

/** Confirmation dialogs with stable ids on their buttons. */
public final class Dialogs {

    private Dialogs() {
    }

    /**
     * Asks before a destructive action. The safe choice is the default button, so an Enter
     * pressed by habit cancels.
     *
     * @param id prefix for the node ids: {@code <id>Dialog}, {@code <id>Confirm}, {@code <id>Cancel}
     */
    public static boolean confirm(Window owner, String id, String title, String header, String text, String confirmText) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION);
        alert.initOwner(owner);
        alert.setTitle(title);
        alert.setHeaderText(header);
        alert.setContentText(text);
        ButtonType confirm = new ButtonType(confirmText, ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType("Cancel", ButtonBar.ButtonData.CANCEL_CLOSE);
        alert.getButtonTypes().setAll(confirm, cancel);
        alert.getDialogPane().setId(id + "Dialog");
        Button ok = (Button) alert.getDialogPane().lookupButton(confirm);
        ok.setId(id + "Confirm");
        ok.setDefaultButton(false);
        ok.getStyleClass().add(atlantafx.base.theme.Styles.DANGER);
        Button no = (Button) alert.getDialogPane().lookupButton(cancel);
        no.setId(id + "Cancel");
        no.setDefaultButton(true);
        Optional<ButtonType> answer = alert.showAndWait();
        return answer.isPresent() && answer.get() == confirm;
    }

    /** Gives the OK and Cancel buttons of a dialog stable ids. */
    public static void idButtons(Dialog<?> dialog, ButtonType ok, String okId, String cancelId) {
        dialog.getDialogPane().lookupButton(ok).setId(okId);
        for (ButtonType t : dialog.getDialogPane().getButtonTypes()) {
            if (t.getButtonData() == ButtonBar.ButtonData.CANCEL_CLOSE) {
                dialog.getDialogPane().lookupButton(t).setId(cancelId);
            }
        }
    }
}
