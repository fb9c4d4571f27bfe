package com.pgedge.mcp.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.pgedge.mcp.admin.prefs.DataFolder;

/** What a user sees when the console cannot start: one clear message and an exit code, no trace. */
class LauncherTest {

    @TempDir
    Path data;

    @Test
    void anUnknownOptionIsAUsageErrorBeforeAnyWindow() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int code = Launcher.run(new String[] {"--bogus"}, print(out), print(err));

        assertThat(code).isEqualTo(Launcher.EXIT_USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .startsWith("pgedge-postgres-mcp-admin: Unknown option '--bogus'.")
                .contains(ConsoleArgs.USAGE);
        assertThat(out.size()).isZero();
    }

    @Test
    void helpPrintsUsageAndStartsNothing() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int code = Launcher.run(new String[] {"--help"}, print(out), print(new ByteArrayOutputStream()));

        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains(ConsoleArgs.USAGE);
    }

    @Test
    void withoutADisplayTheConsoleSaysSoAndPointsToTheHeadlessServer() throws Exception {
        // A separate JVM with the normal desktop toolkit (not the tests' Monocle) and no display.
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder pb = new ProcessBuilder(List.of(java.toString(),
                "-D" + DataFolder.OVERRIDE_PROPERTY + "=" + data,
                "-cp", System.getProperty("java.class.path"),
                Launcher.class.getName()));
        pb.environment().remove("DISPLAY");
        pb.environment().remove("WAYLAND_DISPLAY");
        Path stderr = data.resolve("stderr.txt");
        pb.redirectError(stderr.toFile());
        pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("the launcher exits on its own").isTrue();

        String err = Files.readString(stderr);
        assertThat(p.exitValue()).as(err).isEqualTo(Launcher.EXIT_NO_WINDOW);
        assertThat(err)
                .contains("pgedge-postgres-mcp-admin: the console window could not open")
                .contains("pgedge-postgres-mcp -help")
                .doesNotContain("\tat ")
                .doesNotContain("Exception in thread")
                .doesNotContain("Unsupported JavaFX configuration");
    }

    @Test
    void missingGtkLibrariesAreNamedWithThePackageToInstall() {
        String message = Launcher.noWindowMessage(new UnsupportedOperationException("Unable to load glass GTK library."));

        assertThat(message).contains("could not open (Unable to load glass GTK library.)")
                .contains("apt-get install libgtk-3-0")
                .contains("pgedge-postgres-mcp -help");
    }

    @Test
    void anErrorThatIsNotAboutTheDisplayIsReportedAsItIs() {
        String message = Launcher.noWindowMessage(
                new RuntimeException("Exception in Application start method", new IllegalStateException("disk full")));

        assertThat(message).isEqualTo("pgedge-postgres-mcp-admin: the console stopped at start-up: disk full");
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }
}
