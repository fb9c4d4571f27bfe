package com.pgedge.mcp.admin;

import javafx.application.Application;

/**
 * Entry point of {@code pgedge-postgres-mcp-admin}. A plain class, not an Application: started
 * from the classpath, a main class that extends Application fails with "JavaFX runtime
 * components are missing".
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        for (String a : args) {
            if (a.equals("--help") || a.equals("-help") || a.equals("-h")) {
                System.out.println(ConsoleArgs.USAGE);
                return;
            }
            if (a.equals("--version") || a.equals("-version")) {
                System.out.println("pgedge-postgres-mcp-admin " + Version.get());
                return;
            }
        }
        Application.launch(ConsoleApp.class, args);
    }
}
