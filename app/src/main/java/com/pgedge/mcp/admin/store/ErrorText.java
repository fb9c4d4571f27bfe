package com.pgedge.mcp.admin.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import com.pgedge.mcp.auth.AuthException;

/**
 * Turns a failure into a sentence for the person at the console: the core's messages are
 * already written for people; everything else gets a plain description and never a stack trace.
 */
public final class ErrorText {

    private ErrorText() {
    }

    public static String describe(Throwable failure) {
        Throwable t = unwrap(failure);
        // The product's own exceptions carry messages written for people.
        if (t instanceof AuthException || t instanceof com.pgedge.mcp.config.ConfigException
                || t instanceof com.pgedge.mcp.http.HttpServerException
                || t instanceof com.pgedge.mcp.db.DevDatabase.DevDatabaseException
                || t instanceof IllegalArgumentException) {
            return nonEmpty(t.getMessage(), "The request was refused.");
        }
        if (t instanceof AccessDeniedException e) {
            return "Permission denied: " + e.getFile() + ". Check the file's owner and mode.";
        }
        if (t instanceof NoSuchFileException e) {
            return "File not found: " + e.getFile() + ".";
        }
        if (t instanceof UncheckedIOException e) {
            return describe(e.getCause());
        }
        if (t instanceof IOException) {
            return "A file could not be read or written: " + nonEmpty(t.getMessage(), "input/output error") + ".";
        }
        if (t instanceof OutOfMemoryError) {
            return "The console ran out of memory. Start it with a larger -Xmx.";
        }
        if (t instanceof UnsupportedOperationException) {
            return "This action is not available in this build.";
        }
        return "Something went wrong (" + t.getClass().getSimpleName() + ")"
                + (t.getMessage() == null ? "." : ": " + t.getMessage());
    }

    private static Throwable unwrap(Throwable t) {
        Throwable cur = t;
        while ((cur instanceof ExecutionException || cur instanceof CompletionException) && cur.getCause() != null) {
            cur = cur.getCause();
        }
        return cur;
    }

    private static String nonEmpty(String s, String fallback) {
        return s == null || s.isBlank() ? fallback : s;
    }
}
