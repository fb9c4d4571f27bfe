package com.pgedge.mcp.admin.server;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Consumer;

import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;

/**
 * Copies the server's log lines (the product's own loggers; they never carry a secret) to the
 * Server screen while the embedded server runs.
 */
final class LogCapture extends AppenderBase<ILoggingEvent> {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    private final Consumer<String> sink;
    private final ZoneId zone;

    private LogCapture(Consumer<String> sink, ZoneId zone) {
        this.sink = sink;
        this.zone = zone;
    }

    /** Attaches to the {@code com.pgedge.mcp} loggers; returns what detaches it, or null without logback. */
    static Runnable attach(Consumer<String> sink, ZoneId zone) {
        if (!(LoggerFactory.getLogger("com.pgedge.mcp") instanceof Logger logger)) {
            return null;
        }
        LogCapture capture = new LogCapture(sink, zone);
        capture.setContext(logger.getLoggerContext());
        capture.setName("console-server-log");
        capture.start();
        logger.addAppender(capture);
        return () -> {
            logger.detachAppender(capture);
            capture.stop();
        };
    }

    @Override
    protected void append(ILoggingEvent e) {
        String name = e.getLoggerName();
        String shortName = name.substring(name.lastIndexOf('.') + 1);
        sink.accept(TIME.format(Instant.ofEpochMilli(e.getTimeStamp()).atZone(zone)) + "  " + e.getLevel() + "  "
                + shortName + "  " + e.getFormattedMessage());
    }
}
