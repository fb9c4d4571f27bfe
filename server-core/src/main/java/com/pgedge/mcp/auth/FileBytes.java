package com.pgedge.mcp.auth;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Whole-file reads and writes in 64 KiB slices. A channel read or write of a heap buffer goes
 * through a temporary direct buffer as large as the transfer, which the JDK then keeps cached
 * per thread: one {@code Files.readAllBytes} of a 20 MiB token file pins 20 MiB of native memory
 * on every thread that ever reloaded it, and fails outright under {@code -XX:MaxDirectMemorySize}.
 * Slicing keeps that buffer small whatever the file size.
 */
final class FileBytes {

    static final int SLICE = 64 * 1024;

    private FileBytes() {
    }

    /** The file's bytes; {@link java.nio.file.NoSuchFileException} when it does not exist. */
    static byte[] read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            // Sized from the file up front: growing a buffer and copying it out would need up to
            // three times the file in heap at the peak of a reload.
            long size = Files.size(file);
            byte[] bytes = new byte[(int) Math.min(size, Integer.MAX_VALUE - 8)];
            int filled = 0;
            int n;
            while (filled < bytes.length && (n = in.read(bytes, filled, Math.min(SLICE, bytes.length - filled))) >= 0) {
                filled += n;
            }
            if (filled < bytes.length) {
                return Arrays.copyOf(bytes, filled); // it shrank while we read
            }
            byte[] more = readRest(in);
            if (more.length == 0) {
                return bytes;
            }
            byte[] all = Arrays.copyOf(bytes, bytes.length + more.length); // it grew while we read
            System.arraycopy(more, 0, all, bytes.length, more.length);
            return all;
        }
    }

    private static byte[] readRest(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] slice = new byte[SLICE];
        int n;
        while ((n = in.read(slice, 0, SLICE)) >= 0) {
            out.write(slice, 0, n);
        }
        return out.toByteArray();
    }

    /** Writes all of {@code content} at the channel's position. */
    static void writeFully(FileChannel channel, byte[] content) throws IOException {
        for (int offset = 0; offset < content.length; offset += SLICE) {
            ByteBuffer slice = ByteBuffer.wrap(content, offset, Math.min(SLICE, content.length - offset));
            while (slice.hasRemaining()) {
                channel.write(slice);
            }
        }
    }
}
