package dev.chapitre.media.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * What every media storage promises, run against each one (the file system and s3proxy): uploads
 * staged then published whole, ranges read byte for byte, new versions written under new keys,
 * and nothing left behind by an upload that is too large or cut off.
 */
abstract class MediaStorageContract {

    static final int MIB = 1024 * 1024;

    abstract MediaStorage storage();

    /** Uploads begun and neither finished nor thrown away (staging files, multipart uploads, staged objects). */
    abstract List<String> unfinished() throws IOException;

    static byte[] bytes(int length, long seed) {
        var bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    byte[] read(String key, long first, long count) throws IOException {
        try (var in = storage().read(key, first, count)) {
            return in.readAllBytes();
        }
    }

    String published(String key, byte[] content) throws IOException {
        try (var staged = storage().stage(new ByteArrayInputStream(content), content.length)) {
            storage().publish(staged, key);
        }
        return key;
    }

    @Test
    void anUploadIsPublishedWholeAndReadByRanges() throws Exception {
        var content = bytes(20 * MIB + 12345, 1); // several parts of a multipart upload, the last one short
        var key = published("episodes/contract-1.mp3", content);
        assertEquals(content.length, storage().version(key).orElseThrow().length());
        assertArrayEquals(Arrays.copyOfRange(content, 0, MIB), read(key, 0, MIB));
        assertArrayEquals(Arrays.copyOfRange(content, 9 * MIB - 7, 10 * MIB - 7), read(key, 9 * MIB - 7, MIB));
        assertArrayEquals(Arrays.copyOfRange(content, content.length - 100, content.length), read(key, content.length - 100, MIB));
        assertArrayEquals(content, read(key, 0, Long.MAX_VALUE));
        assertEquals(0, read(key, content.length, 10).length, "nothing past the end");
        assertTrue(storage().stored().stream().anyMatch(stored -> stored.key().equals(key)));
        assertEquals(List.of(), unfinished());
    }

    @Test
    void theSampleHoldsTheStartAndTheEndAtTheirPlaces() throws Exception {
        var content = bytes(StagedFile.SAMPLE_HEAD + 3 * MIB, 2);
        try (var staged = storage().stage(new ByteArrayInputStream(content), content.length)) {
            var sample = Files.readAllBytes(staged.sample());
            assertEquals(content.length, sample.length);
            assertArrayEquals(Arrays.copyOf(content, StagedFile.SAMPLE_HEAD), Arrays.copyOf(sample, StagedFile.SAMPLE_HEAD));
            assertArrayEquals(Arrays.copyOfRange(content, content.length - StagedFile.SAMPLE_TAIL, content.length),
                    Arrays.copyOfRange(sample, content.length - StagedFile.SAMPLE_TAIL, content.length));
        }
        assertEquals(List.of(), unfinished(), "closing an unpublished upload throws it away");
    }

    @Test
    void aTooLargeUploadLeavesNothing() throws Exception {
        var before = storage().stored().size();
        var content = bytes(20 * MIB, 3);
        assertThrows(MediaStorage.TooLarge.class, () -> storage().stage(new ByteArrayInputStream(content), 12 * MIB));
        assertEquals(before, storage().stored().size());
        assertEquals(List.of(), unfinished());
    }

    @Test
    void anUploadCutOffMidBodyLeavesNothing() throws Exception {
        var before = storage().stored().size();
        var content = new ByteArrayInputStream(bytes(30 * MIB, 4));
        InputStream cut = new InputStream() {
            int sent;

            @Override
            public int read() throws IOException {
                if (++sent > 17 * MIB) {
                    throw new IOException("Connection reset");
                }
                return content.read();
            }
        };
        assertThrows(IOException.class, () -> storage().stage(cut, 100 * MIB));
        assertEquals(before, storage().stored().size());
        assertEquals(List.of(), unfinished());
    }

    @Test
    void aNewVersionIsTheHeadThenTheSourceFromAnOffsetAndTheSourceStays() throws Exception {
        for (int size : new int[] {3 * MIB, 22 * MIB}) { // one PUT; a part sent and parts copied by the server
            var source = bytes(size, size);
            var sourceKey = published("episodes/source-" + size + ".mp3", source);
            var head = bytes(70_000, 5);
            long length = storage().prepend("episodes/tagged-" + size + ".mp3", head, sourceKey, 4096);
            var expected = new byte[head.length + source.length - 4096];
            System.arraycopy(head, 0, expected, 0, head.length);
            System.arraycopy(source, 4096, expected, head.length, source.length - 4096);
            assertEquals(expected.length, length);
            assertArrayEquals(expected, read("episodes/tagged-" + size + ".mp3", 0, Long.MAX_VALUE));
            assertArrayEquals(source, read(sourceKey, 0, Long.MAX_VALUE));
        }
        assertEquals(List.of(), unfinished());
    }

    @Test
    void deletedFilesAreGoneAndAbsentOnesAreSaidSo() throws Exception {
        var key = published("artwork/contract-delete.png", bytes(1000, 6));
        storage().delete(key);
        assertTrue(storage().version(key).isEmpty());
        assertThrows(NoSuchFileException.class, () -> read(key, 0, 10));
        assertTrue(storage().stored().stream().noneMatch(stored -> stored.key().equals(key)));
        storage().delete(key); // twice: several instances may sweep the same key
    }

    @Test
    void keysThatCouldEscapeAreRefused() {
        for (var key : List.of("../etc/passwd", "episodes/../x.mp3", "episodes/.hidden", ".staging/x")) {
            assertThrows(IllegalArgumentException.class, () -> storage().version(key), key);
        }
    }
}
