package dev.chapitre.media.control;

import dev.chapitre.platform.control.AtomicFiles;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Media under CHAPITRE_DATA_DIR/media; staging files in media/.staging (same file system, so renames
 * are atomic). Every file reaches the disk (fsync of the file, then of its folder) before the row
 * that names it is committed.
 */
public class FileSystemMediaStorage implements MediaStorage {

    private static final Logger LOG = Logger.getLogger(FileSystemMediaStorage.class.getName());
    private static final int BUFFER = 256 * 1024;
    /** Longer than any lookup cache (MediaDirectory keeps answers for 5 s); an open file outlives its removal. */
    private static final Duration RETENTION = Duration.ofMinutes(1);

    private final Path root;
    private final Path staging;

    /** A storage on {@code dataDir}, prepared: the leftovers of a killed process go before anyone looks. */
    public FileSystemMediaStorage(String dataDir) {
        root = Path.of(dataDir).toAbsolutePath().normalize().resolve("media");
        staging = root.resolve(".staging");
        try {
            Files.createDirectories(staging);
            removeLeftoverStagingFiles();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the media folder " + root, e);
        }
    }

    /**
     * A process killed mid-upload or mid-tag leaves its staging file behind; nothing refers to it.
     * Files another running instance writes (a cluster may share this folder) stay.
     */
    private void removeLeftoverStagingFiles() throws IOException {
        WorkFiles.removeAbandoned(staging, Instant.now());
    }

    @Override
    public StagedFile stage(InputStream in, long maxBytes) throws IOException {
        var file = WorkFiles.newFile(staging, ".part");
        long written = 0;
        try (var out = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            var buffer = new byte[BUFFER];
            var wrapped = ByteBuffer.wrap(buffer);
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                written += n;
                if (written > maxBytes) {
                    throw new TooLarge(maxBytes);
                }
                wrapped.clear().limit(n);
                while (wrapped.hasRemaining()) {
                    out.write(wrapped);
                }
            }
            out.force(true);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        return new StagedFile(file, written, file.toString(), () -> { });
    }

    @Override
    public void publish(StagedFile staged, String key) throws IOException {
        moveIntoPlace(Path.of(staged.location()), key);
    }

    @Override
    public long prepend(String key, byte[] head, String source, long from) throws IOException {
        return prepend(key, head, source, from, PrependedFile.NONE);
    }

    /** With faults injected, for the crash tests. */
    public long prepend(String key, byte[] head, String source, long from, PrependedFile.Faults faults) throws IOException {
        var file = PrependedFile.write(head, path(source), from, staging, faults);
        try {
            long length = Files.size(file);
            moveIntoPlace(file, key);
            return length;
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    @Override
    public Optional<Version> version(String key) throws IOException {
        var path = path(key);
        if (!Files.exists(path)) {
            return Optional.empty();
        }
        var attributes = Files.readAttributes(path, BasicFileAttributes.class);
        return Optional.of(new Version(attributes.size(), attributes.lastModifiedTime().toMillis()));
    }

    @Override
    public InputStream read(String key, long first, long count) throws IOException {
        var channel = FileChannel.open(path(key), StandardOpenOption.READ);
        return new Bounded(Channels.newInputStream(channel.position(first)), count);
    }

    /** At most {@code left} bytes of the stream. */
    private static final class Bounded extends FilterInputStream {
        private long left;

        Bounded(InputStream in, long count) {
            super(in);
            left = count;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) {
                return -1;
            }
            int b = in.read();
            left -= b < 0 ? 0 : 1;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int n = in.read(b, off, (int) Math.min(len, left));
            left -= Math.max(n, 0);
            return n;
        }
    }

    @Override
    public void delete(String key) {
        try {
            Files.deleteIfExists(path(key));
        } catch (IOException e) {
            LOG.warning(() -> "Could not delete media " + key + ": " + e);
        }
    }

    @Override
    public List<Stored> stored() throws IOException {
        var found = new ArrayList<Stored>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                return dir.equals(staging) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                var key = root.relativize(file).toString().replace(java.io.File.separatorChar, '/');
                if (attributes.isRegularFile() && KEY.matcher(key).matches()) {
                    found.add(new Stored(key, attributes.lastModifiedTime().toInstant()));
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult.CONTINUE; // removed while we walked
            }
        });
        return found;
    }

    @Override
    public Duration retention() {
        return RETENTION;
    }

    @Override
    public Path stagingArea() {
        return staging;
    }

    @Override
    public Optional<Path> localFile(String key) {
        return Optional.of(path(key));
    }

    @Override
    public Optional<Path> localFolder() {
        return Optional.of(root);
    }

    @Override
    public Optional<URI> presignedGet(String key, String contentType) {
        return Optional.empty();
    }

    /** The rename itself reaches the disk before the row that names the file is committed (a power cut). */
    private void moveIntoPlace(Path file, String key) throws IOException {
        AtomicFiles.moveIntoPlace(file, path(key), "The media folder");
    }

    private Path path(String key) {
        return root.resolve(MediaStorage.checked(key));
    }

    @Override
    public boolean writable() {
        return Files.isWritable(root) && Files.isWritable(staging);
    }

    @Override
    public String location() {
        return root.toString();
    }
}
