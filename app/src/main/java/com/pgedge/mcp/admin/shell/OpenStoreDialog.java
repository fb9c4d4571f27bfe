package com.pgedge.mcp.admin.shell;

import java.io.File;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import com.pgedge.mcp.admin.common.Dialogs;
import com.pgedge.mcp.admin.store.StoreLocation;

/** File > Open: choose the token file, the user file and (optionally) the server configuration. */
final class OpenStoreDialog {

    private OpenStoreDialog() {
    }

    static Optional<StoreLocation> show(Window owner, StoreLocation current) {
        Dialog<StoreLocation> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Open credential files");
        dialog.setHeaderText("Choose the files a server uses. Files that do not exist yet are created on the first change.");
        dialog.getDialogPane().setId("openDialog");
        ButtonType ok = new ButtonType("Open", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(ok, ButtonType.CANCEL);

        TextField tokens = field("openTokenFile", current == null ? "" : current.tokenFile().toString());
        TextField users = field("openUserFile", current == null ? "" : current.userFile().toString());
        TextField config = field("openConfigFile", current == null || current.configFile() == null ? "" : current.configFile().toString());
        config.setPromptText("optional: pgedge-postgres-mcp.yaml (lockout threshold, databases)");

        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.setPadding(new Insets(10, 10, 0, 10));
        grid.addRow(0, new Label("Token file"), tokens, browse("browseTokenFile", tokens, "Token file"));
        grid.addRow(1, new Label("User file"), users, browse("browseUserFile", users, "User file"));
        grid.addRow(2, new Label("Configuration"), config, browse("browseConfigFile", config, "Server configuration"));
        Label hint = new Label("With a configuration file, the lockout threshold and the database list come from it.");
        hint.getStyleClass().add("hint");
        grid.add(hint, 1, 3);
        GridPane.setHgrow(tokens, Priority.ALWAYS);
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().setPrefWidth(720);
        Dialogs.idButtons(dialog, ok, "openOk", "openCancel");
        dialog.getDialogPane().lookupButton(ok).disableProperty().bind(Bindings.createBooleanBinding(
                () -> parse(tokens.getText(), users.getText(), config.getText()) == null,
                tokens.textProperty(), users.textProperty(), config.textProperty()));
        dialog.setResultConverter(b -> b == ok ? parse(tokens.getText(), users.getText(), config.getText()) : null);
        return dialog.showAndWait();
    }

    private static StoreLocation parse(String tokens, String users, String config) {
        try {
            if (tokens.isBlank() || users.isBlank()) {
                return null;
            }
            return new StoreLocation(Path.of(tokens.strip()), Path.of(users.strip()),
                    config.isBlank() ? null : Path.of(config.strip()));
        } catch (InvalidPathException e) {
            return null;
        }
    }

    private static TextField field(String id, String text) {
        TextField f = new TextField(text);
        f.setId(id);
        f.setPrefColumnCount(40);
        return f;
    }

    private static Button browse(String id, TextField target, String title) {
        Button b = new Button("Browse...", new FontIcon(Feather.FOLDER));
        b.setId(id);
        b.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(title);
            chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("YAML or JSON", "*.yaml", "*.yml", "*.json"),
                    new FileChooser.ExtensionFilter("All files", "*"));
            try {
                Path p = Path.of(target.getText().strip());
                File dir = p.getParent() == null ? null : p.getParent().toFile();
                if (dir != null && dir.isDirectory()) {
                    chooser.setInitialDirectory(dir);
                }
            } catch (InvalidPathException ignored) {
                // no initial folder then
            }
            File f = chooser.showOpenDialog(b.getScene().getWindow());
            if (f != null) {
                target.setText(f.getAbsolutePath());
            }
        });
        return b;
    }
}
