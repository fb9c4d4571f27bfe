package com.pgedge.mcp.cli;

/** Entry point of {@code pgedge-postgres-mcp}: the admin CLI and the server. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(new Cli(CliContext.system()).run(args));
    }
}
