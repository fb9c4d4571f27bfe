package com.pgedge.mcp.admin.server;

/** Where the embedded server is in its life. */
public enum ServerState {
    STOPPED("Stopped"),
    STARTING("Starting"),
    RUNNING("Running"),
    STOPPING("Stopping"),
    FAILED("Failed");

    private final String label;

    ServerState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
