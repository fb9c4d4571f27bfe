package com.pgedge.mcp.admin.tools;

import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import javax.imageio.ImageIO;

import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;

import com.pgedge.mcp.admin.Console;
import com.pgedge.mcp.admin.shell.MainWindow;
import com.pgedge.mcp.admin.store.StoreLocation;
import com.pgedge.mcp.admin.store.StoreSettings;
import com.pgedge.mcp.admin.task.FxTaskRunner;
import com.pgedge.mcp.auth.AuthService;
import com.pgedge.mcp.auth.AuthSettings;

/**
 * Saves a 1280x800 PNG of each screen into a folder (docs/screenshots), with realistic sample
 * data written through the real auth core. Run by app/scripts/screenshots.sh.
 */
public final class ScreenshotTour {

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "docs/screenshots").toAbsolutePath();
        Files.createDirectories(out);
        Path work = Files.createTempDirectory("console-shots");
        StoreLocation where = StoreLocation.inFolder(work);
        SampleData.write(where, Instant.now());

        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        AtomicReference<Console> console = new AtomicReference<>();
        AtomicReference<Stage> stage = new AtomicReference<>();
        Platform.runLater(() -> {
            Stage s = new Stage();
            stage.set(s);
            console.set(Console.start(s, new Console.Setup(work.resolve("data"), where, Clock.systemDefaultZone(),
                    new FxTaskRunner(),
                    l -> new StoreSettings(AuthSettings.defaults(l.tokenFile(), l.userFile()).withLockout(5), java.util.List.of(), null),
                    null, false)));
        });
        waitUntil(() -> console.get() != null && console.get().users().allRows().size() == 5);
        // Addresses the rate limiter blocks, as a running server would see them.
        AuthService svc = onFx(() -> console.get().store().service());
        for (int i = 0; i < 12; i++) {
            svc.checkBearer("stolen-or-guessed-" + i, "203.0.113.77");
            if (i < 11) {
                svc.checkBearer("scanner-" + i, "2001:db8:4:2::" + (i + 1));
            }
        }
        // The Server screen before starting, with TLS on to show the whole form.
        onFx(() -> {
            console.get().server().tlsProperty().set(true);
            console.get().server().certFileProperty().set("/etc/pgedge/server.crt");
            console.get().server().keyFileProperty().set("/etc/pgedge/server.key");
            console.get().window().show("server");
            return null;
        });
        Thread.sleep(700);
        save(stage.get().getScene(), out.resolve("console-server-setup.png"));
        onFx(() -> {
            console.get().server().tlsProperty().set(false);
            return null;
        });
        // A server inside the console, with a few clients knocking.
        onFx(() -> {
            console.get().server().addressProperty().set("127.0.0.1:0");
            console.get().server().start();
            return null;
        });
        waitUntil(() -> console.get().server().stateProperty().get() == com.pgedge.mcp.admin.server.ServerState.RUNNING);
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        String url = onFx(() -> console.get().server().urlProperty().get());
        for (int i = 0; i < 4; i++) {
            String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"authenticate_user\","
                    + "\"arguments\":{\"username\":\"erin\",\"password\":\"guess" + i + "\"}}}";
            http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).header("Content-Type", "application/json")
                    .header("Accept", "application/json, text/event-stream")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
        }
        // A token created in the console and handed to the Server screen (as its show-once
        // dialog's "Use on the Server screen" does): the test runs initialize + tools/list.
        String token = console.get().store().service().addToken("Screenshot client", java.time.Duration.ofDays(30), null).plaintext();
        onFx(() -> {
            console.get().server().tokenProperty().set(token);
            console.get().server().testConnection();
            return null;
        });
        waitUntil(() -> console.get().server().testResultProperty().get().startsWith("OK"));
        svc.flush();
        waitUntil(() -> console.get().activity().size() > 20);
        for (String screen : new String[] {"users", "tokens", "lockouts", "activity", "server"}) {
            onFx(() -> {
                console.get().window().show(screen);
                return null;
            });
            Thread.sleep(700);
            save(stage.get().getScene(), out.resolve("console-" + screen + ".png"));
        }
        onFx(() -> {
            console.get().window().setDark(true);
            console.get().window().show("users");
            return null;
        });
        Thread.sleep(700);
        save(stage.get().getScene(), out.resolve("console-users-dark.png"));
        onFx(() -> {
            console.get().window().setDark(false);
            console.get().server().close();
            console.get().close();
            stage.get().close();
            return null;
        });
        Platform.exit();
        System.out.println("Screenshots written to " + out);
    }

    private static void save(Scene scene, Path file) throws Exception {
        WritableImage img = onFx(() -> scene.snapshot(null));
        BufferedImage buffered = SwingFXUtils.fromFXImage(img, null);
        ImageIO.write(buffered, "png", new File(file.toString()));
        System.out.println("saved " + file + " (" + (int) img.getWidth() + "x" + (int) img.getHeight() + ")");
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> c) throws Exception {
        java.util.concurrent.FutureTask<T> task = new java.util.concurrent.FutureTask<>(c);
        Platform.runLater(task);
        return task.get(30, TimeUnit.SECONDS);
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!onFx(condition::getAsBoolean)) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException("the console did not load the sample data in 30 s");
            }
            Thread.sleep(100);
        }
    }

    static {
        // keep the MainWindow import used for readers: the theme switch is MainWindow.setDark
        MainWindow.class.getName();
    }
}
