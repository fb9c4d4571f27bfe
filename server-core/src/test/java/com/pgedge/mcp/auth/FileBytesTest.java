package com.pgedge.mcp.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileBytesTest {

    @TempDir
    Path tmp;

    @Test
    void roundTripsFilesSmallerAndLargerThanOneSlice() throws IOException {
        Random random = new Random(42);
        for (int size : new int[] {0, 1, FileBytes.SLICE - 1, FileBytes.SLICE, FileBytes.SLICE + 1, 5 * FileBytes.SLICE + 7}) {
            byte[] content = new byte[size];
            random.nextBytes(content);
            Path file = tmp.resolve("f" + size);
            Files.createFile(file);
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
                FileBytes.writeFully(ch, content);
            }
            assertThat(Files.readAllBytes(file)).as("written %d bytes", size).isEqualTo(content);
            assertThat(FileBytes.read(file)).as("read %d bytes", size).isEqualTo(content);
        }
    }

    @Test
    void aMissingFileIsNoSuchFile() {
        assertThatThrownBy(() -> FileBytes.read(tmp.resolve("absent"))).isInstanceOf(NoSuchFileException.class);
    }
}
