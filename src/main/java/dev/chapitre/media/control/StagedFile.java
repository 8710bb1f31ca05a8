package dev.chapitre.media.control;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An upload that was received whole but is not published yet. {@link #sample()} is a local file of
 * the upload's length for the readers that need one (the MP3 and image checks, the ID3 chapter
 * import): on a file system the upload itself; on object storage a sparse file holding only the
 * first {@link #SAMPLE_HEAD} and the last {@link #SAMPLE_TAIL} bytes, which is all those readers
 * look at (the tags at both ends, the first frames, and an artwork whole). Closing it removes
 * whatever was not published.
 */
public final class StagedFile implements AutoCloseable {

    public static final int SAMPLE_HEAD = 32 * 1024 * 1024;
    public static final int SAMPLE_TAIL = 128 * 1024;

    /** How the storage removes its side of an upload it did not publish. */
    @FunctionalInterface
    interface Discard {
        void discard() throws IOException;
    }

    private final Path sample;
    private final long size;
    private final String location;
    private final Discard discard;

    StagedFile(Path sample, long size, String location, Discard discard) {
        this.sample = sample;
        this.size = size;
        this.location = location;
        this.discard = discard;
    }

    public Path sample() {
        return sample;
    }

    public long size() {
        return size;
    }

    /** Where the storage keeps it: a path on the file system, a staging key in a bucket. */
    String location() {
        return location;
    }

    @Override
    public void close() {
        try {
            discard.discard();
            Files.deleteIfExists(sample);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
