package dev.chapitre.media.control;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/**
 * One version of a stored file, opened for reading. A re-tag may rename a new version over the path
 * at any time: the channel keeps reading the version it opened, and its length and modification
 * time are that version's, so a download ends with the bytes it started on.
 */
public record FileVersion(FileChannel channel, long length, long modifiedMillis) implements Closeable {

    /** The file at {@code path} as it is now; empty when there is none. */
    public static Optional<FileVersion> open(Path path) throws IOException {
        for (int attempt = 0; attempt < 3; attempt++) {
            BasicFileAttributes attributes;
            FileChannel channel;
            try {
                attributes = Files.readAttributes(path, BasicFileAttributes.class);
                channel = FileChannel.open(path, StandardOpenOption.READ);
            } catch (NoSuchFileException gone) {
                return Optional.empty();
            }
            boolean consistent = false;
            try {
                // The attributes must describe the version we opened (a rename may fall in between).
                consistent = channel.size() == attributes.size();
            } finally {
                if (!consistent) {
                    channel.close();
                }
            }
            if (consistent) {
                return Optional.of(new FileVersion(channel, attributes.size(), attributes.lastModifiedTime().toMillis()));
            }
        }
        throw new BeingReplaced();
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // Read-only: nothing was lost.
        }
    }

    /** The file changed under every attempt to open it: worth a retry by the client, not a 500. */
    public static final class BeingReplaced extends IOException {
        public BeingReplaced() {
            super("the file is being replaced");
        }
    }
}
