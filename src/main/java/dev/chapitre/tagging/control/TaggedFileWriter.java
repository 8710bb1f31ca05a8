package dev.chapitre.tagging.control;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * Writes a new version of an MP3: a fresh tag followed by the audio of the current file, byte for
 * byte (copied by the kernel, never through the heap), flushed to disk. The served file is not
 * touched: the caller renames the result over it atomically. On any failure the new file is
 * removed; a process killed half-way leaves it in the staging folder, which is emptied at start.
 */
public final class TaggedFileWriter {

    /** Points where a failure is injected in tests. */
    public enum Step { CREATED, TAG_WRITTEN, AUDIO_COPIED, FLUSHED }

    /** A fault-injection hook; production code uses {@link #NONE}. */
    @FunctionalInterface
    public interface Faults {
        void at(Step step) throws IOException;
    }

    public static final Faults NONE = step -> { };

    private TaggedFileWriter() {
    }

    public static Path write(Path current, byte[] tag, Path stagingDir, Faults faults) throws IOException {
        var target = stagingDir.resolve(UUID.randomUUID() + ".tagging");
        try (var source = FileChannel.open(current, StandardOpenOption.READ);
             var out = FileChannel.open(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            faults.at(Step.CREATED);
            long audioStart = Id3v2Header.sizeAt(current);
            var tagBuffer = ByteBuffer.wrap(tag);
            while (tagBuffer.hasRemaining()) {
                out.write(tagBuffer);
            }
            faults.at(Step.TAG_WRITTEN);
            long size = source.size();
            for (long at = audioStart; at < size; ) {
                long sent = source.transferTo(at, size - at, out);
                if (sent <= 0) {
                    throw new IOException("Could not copy the audio of " + current.getFileName());
                }
                at += sent;
            }
            faults.at(Step.AUDIO_COPIED);
            out.force(true);
            faults.at(Step.FLUSHED);
            return target;
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(target);
            throw e;
        }
    }
}
