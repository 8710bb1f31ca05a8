package dev.chapitre.tagging.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chapitre.media.control.FileSystemMediaStorage;
import dev.chapitre.media.control.PrependedFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Re-tagging (a new version under a key of its own: the new tag, then the current version's audio)
 * never alters the audio, and a failure at any step leaves the served file as it was and nothing
 * under the new key.
 */
class RetaggedFileTest {

    static final String SERVED = "episodes/e.mp3";
    static final String TAGGED = "episodes/e-tagged.mp3";

    @TempDir
    Path data;
    FileSystemMediaStorage storage;
    Path served;
    byte[] original;

    @BeforeEach
    void anEpisodeFile() throws IOException {
        storage = new FileSystemMediaStorage(data.toString());
        served = storage.localFile(SERVED).orElseThrow();
        Files.createDirectories(served.getParent());
        try (var in = getClass().getResourceAsStream("/audio/ffmpeg-chapters.mp3")) {
            original = in.readAllBytes();
        }
        Files.write(served, original);
    }

    @Test
    void theAudioIsByteIdenticalAfterAnyNumberOfRetags() throws Exception {
        var audioBefore = audioHash(served);
        var current = SERVED;
        for (int i = 0; i < 5; i++) {
            var version = i % 2 == 0 ? Id3Version.V2_3 : Id3Version.V2_4;
            var tag = Id3TagBuilder.build(Id3TagBuilderTest.content(Id3TagBuilderTest.chapters().subList(0, 1 + i % 3)), version);
            var next = "episodes/e-" + i + ".mp3";
            long length = storage.prepend(next, tag, current, Id3v2Header.sizeAt(storage.localFile(current).orElseThrow()));
            var file = storage.localFile(next).orElseThrow();
            assertEquals(Files.size(file), length);
            assertEquals(audioBefore, audioHash(file));
            assertArrayEquals(tag, Arrays.copyOf(Files.readAllBytes(file), tag.length));
            current = next;
        }
        assertArrayEquals(original, Files.readAllBytes(served), "the version readers started on is never touched");
        assertEquals(List.of(), Files.list(storage.stagingArea()).toList());
    }

    @ParameterizedTest
    @EnumSource(PrependedFile.Step.class)
    void aFailureAtAnyStepLeavesThePreviousVersionAndNoTemporaryFile(PrependedFile.Step failing) throws Exception {
        var tag = Id3TagBuilder.build(Id3TagBuilderTest.content(Id3TagBuilderTest.chapters()), Id3Version.V2_3);
        var error = assertThrows(IOException.class, () -> storage.prepend(TAGGED, tag, SERVED, Id3v2Header.sizeAt(served), step -> {
            if (step == failing) {
                throw new IOException("No space left on device");
            }
        }));
        assertEquals("No space left on device", error.getMessage());
        assertServedUnchangedAndNoLeftovers();
    }

    @ParameterizedTest
    @EnumSource(PrependedFile.Step.class)
    void aProcessKilledAtAnyStepLeavesThePreviousVersionAndRestartCleansUp(PrependedFile.Step step) throws Exception {
        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), KilledRetag.class.getName(),
                data.toString(), step.name()).redirectErrorStream(true).start();
        var output = new String(process.getInputStream().readAllBytes());
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(KilledRetag.HALTED, process.exitValue(), output);
        assertArrayEquals(original, Files.readAllBytes(served));
        assertEquals(1, Files.list(storage.stagingArea()).count(), "the killed process left its half-written file");

        new FileSystemMediaStorage(data.toString()); // a restart
        assertServedUnchangedAndNoLeftovers();
    }

    /** Runs a re-tag in its own JVM and kills that JVM at one step, as a crash or `kill -9` would. */
    public static final class KilledRetag {
        static final int HALTED = 42;

        public static void main(String[] args) throws Exception {
            var storage = new FileSystemMediaStorage(args[0]);
            var step = PrependedFile.Step.valueOf(args[1]);
            var tag = Id3TagBuilder.build(new TagContent("t", "a", "b", Optional.empty(), Optional.empty(), "",
                    Optional.empty(), Optional.empty(), List.of()), Id3Version.V2_3);
            storage.prepend(TAGGED, tag, SERVED, Id3v2Header.sizeAt(storage.localFile(SERVED).orElseThrow()), at -> {
                if (at == step) {
                    Runtime.getRuntime().halt(HALTED);
                }
            });
            System.exit(1);
        }
    }

    private void assertServedUnchangedAndNoLeftovers() {
        try {
            assertArrayEquals(original, Files.readAllBytes(served));
            assertEquals(List.of(), Files.list(storage.stagingArea()).toList());
            assertTrue(storage.version(TAGGED).isEmpty(), "nothing under the new key");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** SHA-256 of everything after the ID3v2 tag: the MPEG frames. */
    static String audioHash(Path file) throws Exception {
        var bytes = Files.readAllBytes(file);
        int start = (int) Id3v2Header.sizeAt(file);
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Arrays.copyOfRange(bytes, start, bytes.length)));
    }
}
