package com.pgedge.mcp.auth;

/**
 * Receives auth events in-process (the console's activity view, the server's log). Called on the
 * thread that caused the event: implementations must be quick and must not block; hand work to
 * another thread (for example {@code Platform.runLater}) if it is slow.
 */
@FunctionalInterface
public interface AuthEventListener {
    void onEvent(AuthEvent event);
}
