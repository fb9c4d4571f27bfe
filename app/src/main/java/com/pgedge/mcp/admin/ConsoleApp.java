package com.pgedge.mcp.admin;

import java.nio.file.Path;
import java.time.Clock;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.stage.Stage;

import com.pgedge.mcp.admin.prefs.DataFolder;
import com.pgedge.mcp.admin.shell.MainWindow;
import com.pgedge.mcp.admin.store.ConfigSettingsResolver;
import com.pgedge.mcp.admin.task.FxTaskRunner;

/** The JavaFX application: parses the arguments and starts the {@link Console}. */
public final class ConsoleApp extends Application {

    private Console console;

    @Override
    public void start(Stage stage) {
        Path data = DataFolder.resolve();
        ConsoleArgs args;
        try {
            args = ConsoleArgs.parse(getParameters().getRaw().toArray(String[]::new), data);
        } catch (IllegalArgumentException e) {
            MainWindow.applyTheme(false);
            Alert alert = new Alert(Alert.AlertType.ERROR, e.getMessage());
            alert.setHeaderText("The console could not start");
            alert.showAndWait();
            Platform.exit();
            return;
        }
        console = Console.start(stage, new Console.Setup(data, args.location(), Clock.systemDefaultZone(),
                new FxTaskRunner(), new ConfigSettingsResolver(), null, true));
    }

    @Override
    public void stop() {
        if (console != null) {
            console.close();
        }
    }
}
