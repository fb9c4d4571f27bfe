package com.pgedge.mcp.admin.tokens;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import atlantafx.base.controls.Message;
import atlantafx.base.theme.Styles;

import com.pgedge.mcp.admin.common.Dialogs;
import com.pgedge.mcp.admin.common.RelativeTime;
import com.pgedge.mcp.auth.CreatedToken;

/** The create dialog and the show-once dialog of the Tokens screen. */
final class TokenDialogs {

    private TokenDialogs() {
    }

    record NewToken(String note, String expiry, String database) {
    }

    static Optional<NewToken> create(Window owner, List<String> databases) {
        Dialog<NewToken> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("New token");
        dialog.setHeaderText("Create an API token");
        dialog.getDialogPane().setId("createTokenDialog");
        ButtonType ok = new ButtonType("Create token", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(ok, ButtonType.CANCEL);

        TextField note = new TextField();
        note.setId("tokenNote");
        note.setPromptText("what it is for, e.g. Production API");
        ComboBox<ExpiryPreset> expiry = new ComboBox<>();
        expiry.setId("tokenExpiry");
        expiry.getItems().setAll(ExpiryPreset.all());
        expiry.getSelectionModel().select(3); // 90 days: a sane default, not "never"
        TextField custom = new TextField();
        custom.setId("tokenExpiryCustom");
        custom.setPromptText("e.g. 36h, 2w, 6m, 2y");
        custom.disableProperty().bind(Bindings.createBooleanBinding(
                () -> expiry.getValue() == null || !expiry.getValue().isCustom(), expiry.valueProperty()));
        ComboBox<String> database = new ComboBox<>();
        database.setId("tokenDatabase");
        database.setEditable(true);
        database.getItems().add("");
        database.getItems().addAll(databases);
        database.setPromptText("any database");
        Label problem = new Label();
        problem.setId("tokenExpiryProblem");
        problem.getStyleClass().addAll("hint", Styles.DANGER);
        problem.setWrapText(true);
        problem.setMaxWidth(360);

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.setPadding(new Insets(10, 10, 0, 10));
        grid.addRow(0, new Label("Note"), note);
        grid.addRow(1, new Label("Expires after"), new HBox(8, expiry, custom));
        grid.add(problem, 1, 2);
        grid.addRow(3, new Label("Database"), database);
        Label dbHint = new Label("Leave empty to let the token reach every configured database.");
        dbHint.getStyleClass().add("hint");
        grid.add(dbHint, 1, 4);
        GridPane.setHgrow(note, Priority.ALWAYS);
        dialog.getDialogPane().setContent(grid);
        Dialogs.idButtons(dialog, ok, "createTokenOk", "createTokenCancel");

        var expiryText = Bindings.createStringBinding(() -> {
            ExpiryPreset p = expiry.getValue();
            return p == null ? "" : p.isCustom() ? custom.getText() : p.value();
        }, expiry.valueProperty(), custom.textProperty());
        var error = Bindings.createStringBinding(() -> {
            String text = expiryText.get();
            if (expiry.getValue() != null && expiry.getValue().isCustom() && text.isBlank()) {
                return "Type an expiry such as 36h, 2w, 6m or never.";
            }
            String e = TokensViewModel.checkExpiry(text);
            return e == null ? "" : e;
        }, expiryText);
        problem.textProperty().bind(error);
        dialog.getDialogPane().lookupButton(ok).disableProperty().bind(error.isNotEmpty());
        dialog.setResultConverter(b -> {
            if (b != ok) {
                return null;
            }
            String db = database.getEditor().getText();
            return new NewToken(note.getText(), expiryText.get(), db == null ? "" : db);
        });
        dialog.setOnShown(e -> note.requestFocus());
        return dialog.showAndWait();
    }

    /**
     * Shows the plaintext once, with a Copy button. Not modal-blocking: the caller forgets the
     * token when the dialog is hidden.
     */
    static Dialog<Void> showOnce(Window owner, CreatedToken created, ZoneId zone, Runnable onClosed,
                                 java.util.function.Consumer<String> useOnServer) {
        Dialog<Void> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Token created");
        dialog.setHeaderText("Token " + created.record().id() + " created");
        dialog.getDialogPane().setId("createdTokenDialog");
        ButtonType done = new ButtonType("Done", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().add(done);
        dialog.getDialogPane().lookupButton(done).setId("createdTokenDone");

        Message warning = new Message("Copy it now",
                "This token will not be shown again: only its hash is stored. If it is lost, remove it and create a new one.",
                new FontIcon(Feather.ALERT_TRIANGLE));
        warning.getStyleClass().add(Styles.WARNING);

        TextField value = new TextField(created.plaintext());
        value.setId("createdTokenValue");
        value.setEditable(false);
        value.getStyleClass().add("token-value");
        value.setPrefColumnCount(46);
        HBox.setHgrow(value, Priority.ALWAYS);
        Button copy = new Button("Copy", new FontIcon(Feather.COPY));
        copy.setId("copyToken");
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(created.plaintext());
            Clipboard.getSystemClipboard().setContent(content);
            copy.setText("Copied");
        });

        var r = created.record();
        Label details = new Label("ID " + r.id() + "   hash " + r.hashPrefix() + "...   database "
                + (r.database() == null ? "any" : r.database()) + "   expires "
                + (r.expiresAt() == null ? "never" : RelativeTime.dateTime(r.expiresAt(), zone)));
        details.setId("createdTokenDetails");
        details.getStyleClass().add("hint");
        Label use = new Label("Clients send it as the header:  Authorization: Bearer <token>");
        use.getStyleClass().add("hint");

        HBox valueRow = new HBox(8, value, copy);
        if (useOnServer != null) {
            // Hands the plaintext to the Server screen's in-memory token field (to test the
            // connection and fill the client snippets) and closes the dialog.
            Button toServer = new Button("Use on the Server screen", new FontIcon(Feather.SERVER));
            toServer.setId("useTokenOnServer");
            toServer.setOnAction(e -> {
                useOnServer.accept(created.plaintext());
                dialog.close();
            });
            valueRow.getChildren().add(toServer);
        }
        VBox box = new VBox(10, warning, valueRow, details, use);
        box.setPadding(new Insets(10));
        box.setPrefWidth(useOnServer == null ? 620 : 800);
        dialog.getDialogPane().setContent(box);
        dialog.setOnHidden(e -> {
            value.clear();
            onClosed.run();
        });
        dialog.show();
        value.requestFocus();
        value.selectAll();
        return dialog;
    }
}
