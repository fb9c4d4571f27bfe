package com.pgedge.mcp.cli;

/** Entry point of {@code pgedge-postgres-mcp}: the admin CLI and the server. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        // Replaced by the picocli command in the auth-core work.
        System.out.println("pgedge-postgres-mcp " + Version.current());
    }
}
