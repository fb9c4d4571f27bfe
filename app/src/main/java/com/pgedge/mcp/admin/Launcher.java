package com.pgedge.mcp.admin;

import java.io.PrintStream;
import java.util.logging.Filter;
import java.util.logging.Logger;

import javafx.application.Application;

import com.pgedge.mcp.admin.prefs.DataFolder;

/**
 * Entry point of {@code pgedge-postgres-mcp-admin}. A plain class, not an Application: started
 * from the classpath, a main class that extends Application fails with "JavaFX runtime
 * components are missing".
 *
 * <p>Everything that can go wrong before a window exists (bad arguments, no display) is said on
 * stderr in one line with an exit code, because there is no window to show it in.
 */
public final class Launcher {

    static final int EXIT_NO_WINDOW = 1;
    static final int EXIT_USAGE = 2;

    /**
     * JavaFX warns on every start from the classpath ("Unsupported JavaFX configuration"). That
     * is how {@code java -jar} and the packaged launcher run it, on purpose; the warning tells the
     * user nothing they can act on. Held in a field: java.util.logging keeps loggers weakly.
     */
    private static final Logger JAVAFX_LOG = Logger.getLogger("javafx");

    private Launcher() {
    }

    public static void main(String[] args) {
        int code = run(args, System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        for (String a : args) {
            if (a.equals("--help") || a.equals("-help") || a.equals("-h")) {
                out.println(ConsoleArgs.USAGE);
                return 0;
            }
            if (a.equals("--version") || a.equals("-version")) {
                out.println("pgedge-postgres-mcp-admin " + Version.get());
                return 0;
            }
        }
        try {
            ConsoleArgs.parse(args, DataFolder.resolve());
        } catch (IllegalArgumentException e) {
            err.println("pgedge-postgres-mcp-admin: " + e.getMessage());
            return EXIT_USAGE;
        }
        Filter previous = JAVAFX_LOG.getFilter();
        JAVAFX_LOG.setFilter(r -> !String.valueOf(r.getMessage()).startsWith("Unsupported JavaFX configuration")
                && (previous == null || previous.isLoggable(r)));
        try {
            Application.launch(ConsoleApp.class, args);
            return 0;
        } catch (RuntimeException | LinkageError e) {
            // LinkageError: a desktop without the GTK libraries fails while loading them.
            err.println(noWindowMessage(e));
            return EXIT_NO_WINDOW;
        }
    }

    /**
     * What to tell a user whose console could not start. Without a display the toolkit fails with
     * "Unable to open DISPLAY" (over SSH, in a container, on a server); the usual way out there is
     * the command line and the headless server, so the message names them.
     */
    static String noWindowMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String reason = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        boolean noDisplay = root instanceof UnsupportedOperationException || root instanceof LinkageError
                || reason.contains("DISPLAY") || reason.contains("GTK") || reason.contains("toolkit");
        if (!noDisplay) {
            return "pgedge-postgres-mcp-admin: the console stopped at start-up: " + reason;
        }
        String advice = reason.contains("GTK")
                ? "The console draws its window with GTK 3; install it (Debian/Ubuntu: sudo apt-get install libgtk-3-0)\n"
                        + "or, on a machine without a desktop, use the command line and the headless server:\n"
                : "The console needs a desktop session (on Linux, DISPLAY or WAYLAND_DISPLAY set).\n"
                        + "On a machine without a display, use the command line and the headless server:\n";
        return "pgedge-postgres-mcp-admin: the console window could not open (" + reason + ").\n" + advice
                + "  pgedge-postgres-mcp -help    (or: java -jar server-core/target/pgedge-postgres-mcp.jar -help)";
    }
}
