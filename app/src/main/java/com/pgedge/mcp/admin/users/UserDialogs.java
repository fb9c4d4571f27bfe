package com.pgedge.mcp.admin.users;

import java.util.Optional;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import com.pgedge.mcp.admin.common.Dialogs;
import com.pgedge.mcp.admin.common.RelativeTime;

/** The dialogs of the Users screen. They only collect input; the ViewModel does the work. */
final class UserDialogs {

    private UserDialogs() {
    }

    record NewUser(String username, String password, String note) {
        @Override
        public String toString() {
            return "NewUser[" + username + "]";
        }
    }

    static Optional<NewUser> addUser(Window owner) {
        Dialog<NewUser> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Add user");
        dialog.setHeaderText("Add a user who can log in with authenticate_user");
        dialog.getDialogPane().setId("addUserDialog");
        ButtonType ok = new ButtonType("Add user", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(ok, ButtonType.CANCEL);

        TextField username = new TextField();
        username.setId("newUsername");
        username.setPromptText("login name");
        TextField note = new TextField();
        note.setId("newUserNote");
        note.setPromptText("optional, e.g. Alice Smith - Developer");
        PasswordBlock pw = new PasswordBlock("newPassword", "newPasswordConfirm");

        GridPane grid = form();
        grid.addRow(0, new Label("Username"), username);
        grid.addRow(1, new Label("Password"), pw.password);
        grid.addRow(2, new Label("Confirm"), pw.confirmation);
        grid.add(pw.feedback(), 1, 3);
        grid.addRow(4, new Label("Note"), note);
        dialog.getDialogPane().setContent(grid);
        Dialogs.idButtons(dialog, ok, "addUserOk", "addUserCancel");
        dialog.getDialogPane().lookupButton(ok).disableProperty().bind(Bindings.createBooleanBinding(
                () -> username.getText().isBlank() || !pw.acceptable.get(), username.textProperty(), pw.acceptable));
        dialog.setResultConverter(b -> b == ok ? new NewUser(username.getText().strip(), pw.password.getText(), note.getText()) : null);
        dialog.setOnShown(e -> username.requestFocus());
        return dialog.showAndWait();
    }

    static Optional<String> changePassword(Window owner, String user) {
        Dialog<String> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Change password");
        dialog.setHeaderText("New password for " + user);
        dialog.getDialogPane().setId("changePasswordDialog");
        ButtonType ok = new ButtonType("Change password", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(ok, ButtonType.CANCEL);
        PasswordBlock pw = new PasswordBlock("changedPassword", "changedPasswordConfirm");
        GridPane grid = form();
        grid.addRow(0, new Label("Password"), pw.password);
        grid.addRow(1, new Label("Confirm"), pw.confirmation);
        grid.add(pw.feedback(), 1, 2);
        Label sessions = new Label("Sessions this user already has stay valid until they expire.");
        sessions.getStyleClass().add("hint");
        grid.add(sessions, 1, 3);
        dialog.getDialogPane().setContent(grid);
        Dialogs.idButtons(dialog, ok, "changePasswordOk", "changePasswordCancel");
        dialog.getDialogPane().lookupButton(ok).disableProperty().bind(pw.acceptable.not());
        dialog.setResultConverter(b -> b == ok ? pw.password.getText() : null);
        dialog.setOnShown(e -> pw.password.requestFocus());
        return dialog.showAndWait();
    }

    /** The user's details with an editable note; returns the new note. */
    static Optional<String> details(Window owner, UserRow row, java.time.ZoneId zone) {
        Dialog<String> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("User " + row.username());
        dialog.setHeaderText(row.username() + " (" + row.statusText() + ")");
        dialog.getDialogPane().setId("userDetailsDialog");
        ButtonType ok = new ButtonType("Save note", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(ok, ButtonType.CANCEL);
        TextField note = new TextField(row.user().annotation());
        note.setId("editNoteField");
        note.setPrefColumnCount(30);
        GridPane grid = form();
        grid.addRow(0, new Label("Status"), new Label(row.statusText()));
        grid.addRow(1, new Label("Failed attempts"), new Label(Integer.toString(row.user().failedAttempts())));
        grid.addRow(2, new Label("Last login"), new Label(row.user().lastLogin() == null ? "never"
                : RelativeTime.dateTime(row.user().lastLogin(), zone)));
        grid.addRow(3, new Label("Created"), new Label(RelativeTime.dateTime(row.user().createdAt(), zone)));
        grid.addRow(4, new Label("Note"), note);
        dialog.getDialogPane().setContent(grid);
        Dialogs.idButtons(dialog, ok, "editNoteOk", "editNoteCancel");
        dialog.setResultConverter(b -> b == ok ? note.getText() : null);
        dialog.setOnShown(e -> note.requestFocus());
        return dialog.showAndWait();
    }

    private static GridPane form() {
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.setPadding(new Insets(10, 10, 0, 10));
        grid.setPrefWidth(520);
        return grid;
    }

    /** Password + confirmation with live strength and length feedback. */
    private static final class PasswordBlock {
        final PasswordField password = new PasswordField();
        final PasswordField confirmation = new PasswordField();
        final javafx.beans.property.BooleanProperty acceptable = new javafx.beans.property.SimpleBooleanProperty(false);
        final Label message = new Label(PasswordCheck.of("", "").message());
        final ProgressBar bar = new ProgressBar(0);

        PasswordBlock(String id, String confirmId) {
            password.setId(id);
            confirmation.setId(confirmId);
            message.setId(id + "Feedback");
            message.getStyleClass().add("hint");
            message.setWrapText(true);
            message.setMaxWidth(380);
            bar.getStyleClass().add("strength-bar");
            bar.setMaxWidth(Double.MAX_VALUE);
            Bindings.createObjectBinding(() -> PasswordCheck.of(password.getText(), confirmation.getText()),
                    password.textProperty(), confirmation.textProperty()).addListener((o, a, check) -> show(check));
        }

        private void show(PasswordCheck check) {
            acceptable.set(check.acceptable());
            message.setText(check.message());
            bar.setProgress(check.strength() / 4.0);
            bar.getStyleClass().removeAll("weak", "fair", "good", "strong");
            bar.getStyleClass().add(switch (check.strength()) {
                case 0, 1 -> "weak";
                case 2 -> "fair";
                case 3 -> "good";
                default -> "strong";
            });
        }

        Node feedback() {
            VBox box = new VBox(4, bar, message);
            box.setMaxWidth(380);
            return box;
        }
    }
}
