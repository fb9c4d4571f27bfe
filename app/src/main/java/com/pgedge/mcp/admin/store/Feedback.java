package com.pgedge.mcp.admin.store;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * What the window tells the person after an action: the last error (shown in a banner until
 * dismissed) and the last success message (status bar and a short notification).
 * Plain JavaFX properties: usable without the toolkit running.
 */
public final class Feedback {

    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper info = new ReadOnlyStringWrapper("");

    public void error(Throwable failure) {
        error(ErrorText.describe(failure));
    }

    public void error(String message) {
        // Set to "" first so the same message twice still fires a change.
        error.set("");
        error.set(message);
    }

    public void info(String message) {
        info.set("");
        info.set(message);
        error.set("");
    }

    public void dismissError() {
        error.set("");
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty infoProperty() {
        return info.getReadOnlyProperty();
    }
}
