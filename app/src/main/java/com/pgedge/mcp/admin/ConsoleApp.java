package com.pgedge.mcp.admin;

import java.nio.file.Path;
import java.time.Clock;

import javafx.application.Application;
import javafx.stage.Stage;

import com.pgedge.mcp.admin.prefs.DataFolder;
import com.pgedge.mcp.admin.store.ConfigSettingsResolver;
import com.pgedge.mcp.admin.task.FxTaskRunner;

/** The JavaFX application: parses the arguments and starts the {@link Console}. */
public final class ConsoleApp extends Application {

    private Console console;

    @Override
    public void start(Stage stage) {
        Path data = DataFolder.resolve();
        // Launcher has already checked the arguments and said on stderr what was wrong with them.
        ConsoleArgs args = ConsoleArgs.parse(getParameters().getRaw().toArray(String[]::new), data);
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
