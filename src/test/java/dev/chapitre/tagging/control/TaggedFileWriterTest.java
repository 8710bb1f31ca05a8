package dev.chapitre.tagging.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chapitre.media.control.FileSystemMediaStorage;
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

/** Re-tagging never alters the audio, and a failure at any step leaves the served file as it was. */
class TaggedFileWriterTest {

    @TempDir
    Path data;
    FileSystemMediaStorage storage;
    Path served;
    byte[] original;

    @BeforeEach
    void anEpisodeFile() throws IOException {
        storage = new FileSystemMediaStorage(data.toString());
        served = storage.localPath("episodes/e.mp3");
        Files.createDirectories(served.getParent());
        try (var in = getClass().getResourceAsStream("/audio/ffmpeg-chapters.mp3")) {
            original = in.readAllBytes();
        }
        Files.write(served, original);
    }

    @Test
    void theAudioIsByteIdenticalAfterAnyNumberOfRetags() throws Exception {
        var audioBefore = audioHash(served);
        for (int i = 0; i < 5; i++) {
            var version = i % 2 == 0 ? Id3Version.V2_3 : Id3Version.V2_4;
            var tag = Id3TagBuilder.build(Id3TagBuilderTest.content(Id3TagBuilderTest.chapters().subList(0, 1 + i % 3)), version);
            var before = storage.identity("episodes/e.mp3").orElseThrow();
            var next = TaggedFileWriter.write(served, tag, storage.stagingArea(), TaggedFileWriter.NONE);
            assertTrue(storage.replaceIfUnchanged("episodes/e.mp3", before, next));
            assertEquals(audioBefore, audioHash(served));
            assertArrayEquals(tag, Arrays.copyOf(Files.readAllBytes(served), tag.length));
        }
        assertEquals(List.of(), Files.list(storage.stagingArea()).toList());
    }

    @ParameterizedTest
    @EnumSource(TaggedFileWriter.Step.class)
    void aFailureAtAnyStepLeavesThePreviousVersionAndNoTemporaryFile(TaggedFileWriter.Step failing) {
        var tag = Id3TagBuilder.build(Id3TagBuilderTest.content(Id3TagBuilderTest.chapters()), Id3Version.V2_3);
        var error = assertThrows(IOException.class, () -> TaggedFileWriter.write(served, tag, storage.stagingArea(), step -> {
            if (step == failing) {
                throw new IOException("No space left on device");
            }
        }));
        assertEquals("No space left on device", error.getMessage());
        assertServedUnchangedAndNoLeftovers();
    }

    @Test
    void aReplacementIsRefusedWhenTheFileChangedMeanwhile() throws Exception {
        var before = storage.identity("episodes/e.mp3").orElseThrow();
        var tagged = TaggedFileWriter.write(served, Id3TagBuilder.build(Id3TagBuilderTest.content(List.of()), Id3Version.V2_3),
                storage.stagingArea(), TaggedFileWriter.NONE);
        var newUpload = Files.write(storage.stagingArea().resolve("new.part"), "new audio".getBytes());
        storage.publish(new dev.chapitre.media.control.StagedFile(newUpload, 9), "episodes/e.mp3");
        assertFalse(storage.replaceIfUnchanged("episodes/e.mp3", before, tagged));
        assertEquals("new audio", Files.readString(served));
    }

    @ParameterizedTest
    @EnumSource(TaggedFileWriter.Step.class)
    void aProcessKilledAtAnyStepLeavesThePreviousVersionAndRestartCleansUp(TaggedFileWriter.Step step) throws Exception {
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
            var step = TaggedFileWriter.Step.valueOf(args[1]);
            var tag = Id3TagBuilder.build(new TagContent("t", "a", "b", Optional.empty(), Optional.empty(), "",
                    Optional.empty(), Optional.empty(), List.of()), Id3Version.V2_3);
            TaggedFileWriter.write(storage.localPath("episodes/e.mp3"), tag, storage.stagingArea(), at -> {
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
