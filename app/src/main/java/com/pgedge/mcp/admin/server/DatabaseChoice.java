package com.pgedge.mcp.admin.server;

/** What the embedded server's tools query. */
public enum DatabaseChoice {
    CONFIGURED("Databases from the configuration"),
    DEVELOPMENT("Embedded development database (sample shop data)"),
    NONE("No database (authentication only)");

    private final String label;

    DatabaseChoice(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }
}
