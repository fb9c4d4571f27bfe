package com.pgedge.mcp.admin;

/**
 * Entry point of {@code pgedge-postgres-mcp-admin}. A plain class, not an Application: started
 * from the classpath, a main class that extends Application fails with "JavaFX runtime
 * components are missing".
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        // Replaced by the console in the console work.
        System.out.println("pgedge-postgres-mcp-admin");
    }
}
