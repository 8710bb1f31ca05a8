package dev.chapitre.media.control;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A new local file: a head (a fresh ID3 tag) followed by the bytes of an existing file from an
 * offset on (its audio, copied by the kernel, never through the heap), flushed to disk. The source
 * is not touched: the caller renames the result into place. On any failure the new file is removed;
 * a process killed half-way leaves it in the staging folder, from which the next start removes it.
 */
public final class PrependedFile {

    /** Points where a failure is injected in tests. */
    public enum Step { CREATED, HEAD_WRITTEN, REST_COPIED, FLUSHED }

    /** A fault-injection hook; production code uses {@link #NONE}. */
    @FunctionalInterface
    public interface Faults {
        void at(Step step) throws IOException;
    }

    public static final Faults NONE = step -> { };

    private PrependedFile() {
    }

    public static Path write(byte[] head, Path source, long from, Path stagingDir, Faults faults) throws IOException {
        var target = WorkFiles.newFile(stagingDir, ".tagging");
        try (var in = FileChannel.open(source, StandardOpenOption.READ);
             var out = FileChannel.open(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            faults.at(Step.CREATED);
            var headBuffer = ByteBuffer.wrap(head);
            while (headBuffer.hasRemaining()) {
                out.write(headBuffer);
            }
            faults.at(Step.HEAD_WRITTEN);
            long size = in.size();
            for (long at = from; at < size; ) {
                long sent = in.transferTo(at, size - at, out);
                if (sent <= 0) {
                    throw new IOException("Could not copy the audio of " + source.getFileName());
                }
                at += sent;
            }
            faults.at(Step.REST_COPIED);
            out.force(true);
            faults.at(Step.FLUSHED);
            return target;
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(target);
            throw e;
        }
    }
}
