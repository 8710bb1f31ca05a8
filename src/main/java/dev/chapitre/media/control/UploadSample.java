package dev.chapitre.media.control;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The local stand-in of an upload that streams to object storage: a sparse file of the upload's
 * length holding its first {@link StagedFile#SAMPLE_HEAD} bytes and its last
 * {@link StagedFile#SAMPLE_TAIL} (kept in memory until the end), zeros between. The readers of
 * {@link StagedFile#sample()} look at nothing else, and a 1 GiB upload costs 32 MiB of disk.
 */
final class UploadSample implements AutoCloseable {

    private final Path file;
    private final FileChannel out;
    private final byte[] tail = new byte[StagedFile.SAMPLE_TAIL];
    private long received;

    UploadSample(Path folder) throws IOException {
        file = WorkFiles.newFile(folder, ".sample");
        out = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, StandardOpenOption.SPARSE);
    }

    Path file() {
        return file;
    }

    /** The next {@code length} bytes of the upload. */
    void accept(byte[] bytes, int length) throws IOException {
        if (received < StagedFile.SAMPLE_HEAD) {
            int head = (int) Math.min(length, StagedFile.SAMPLE_HEAD - received);
            writeAt(ByteBuffer.wrap(bytes, 0, head), received);
        }
        for (int i = Math.max(0, length - tail.length); i < length; i++) {
            tail[(int) ((received + i) % tail.length)] = bytes[i];
        }
        received += length;
    }

    /** Writes the tail at its place, so the file has the upload's length. */
    void finish() throws IOException {
        long tailStart = Math.max(StagedFile.SAMPLE_HEAD, received - tail.length);
        for (long at = tailStart; at < received; ) {
            int index = (int) (at % tail.length);
            int run = (int) Math.min(received - at, tail.length - index);
            writeAt(ByteBuffer.wrap(tail, index, run), at);
            at += run;
        }
        out.close();
    }

    private void writeAt(ByteBuffer buffer, long position) throws IOException {
        while (buffer.hasRemaining()) {
            position += out.write(buffer, position);
        }
    }

    /** Removes the file: an upload that failed, or one that was published. */
    @Override
    public void close() throws IOException {
        out.close();
        Files.deleteIfExists(file);
    }
}
