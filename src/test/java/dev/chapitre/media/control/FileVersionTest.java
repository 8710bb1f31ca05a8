package dev.chapitre.media.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileVersionTest {

    @TempDir
    Path dir;

    @Test
    void noFileIsNoVersion() throws Exception {
        assertTrue(FileVersion.open(dir.resolve("gone.mp3")).isEmpty());
    }

    @Test
    void anOpenedVersionKeepsItsBytesWhenANewOneIsRenamedOverIt() throws Exception {
        var path = dir.resolve("episode.mp3");
        Files.write(path, "first version".getBytes());
        try (var version = FileVersion.open(path).orElseThrow()) {
            assertEquals(13, version.length());
            assertEquals(Files.getLastModifiedTime(path).toMillis(), version.modifiedMillis());

            var retagged = Files.write(dir.resolve("staged"), "the second, longer version".getBytes());
            Files.move(retagged, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);

            var bytes = ByteBuffer.allocate(13);
            version.channel().read(bytes, 0);
            assertArrayEquals("first version".getBytes(), bytes.array());
        }
        try (var next = FileVersion.open(path).orElseThrow()) {
            assertEquals(26, next.length());
        }
    }
}
