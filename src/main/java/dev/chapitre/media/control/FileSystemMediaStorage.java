package dev.chapitre.media.control;

import dev.chapitre.platform.control.AtomicFiles;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Media under CHAPITRE_DATA_DIR/media; staging files in media/.staging (same file system, so renames are atomic). */
@ApplicationScoped
public class FileSystemMediaStorage implements MediaStorage {

    private static final Logger LOG = Logger.getLogger(FileSystemMediaStorage.class.getName());
    private static final int BUFFER = 256 * 1024;

    @Inject
    @ConfigProperty(name = "CHAPITRE_DATA_DIR", defaultValue = "./data")
    String dataDir;

    private final Map<String, Object> locks = new ConcurrentHashMap<>();
    private Path root;
    private Path staging;

    public FileSystemMediaStorage() {
    }

    /** Outside the container (tests, tools): a storage on {@code dataDir}, prepared like at start. */
    public FileSystemMediaStorage(String dataDir) {
        this.dataDir = dataDir;
        prepare();
    }

    /** At deployment, not at first use: leftovers of a killed process go before anyone looks. */
    void startUp(@Observes @Initialized(ApplicationScoped.class) Object deployment) {
        // Observing is enough: the container creates the bean, which runs prepare().
    }

    @PostConstruct
    void prepare() {
        root = Path.of(dataDir).toAbsolutePath().normalize().resolve("media");
        staging = root.resolve(".staging");
        try {
            Files.createDirectories(staging);
            removeLeftoverStagingFiles();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the media folder " + root, e);
        }
    }

    /** A process killed mid-upload leaves its staging file behind; nothing refers to it. */
    private void removeLeftoverStagingFiles() throws IOException {
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(staging)) {
            for (var file : leftovers) {
                Files.deleteIfExists(file);
                LOG.info(() -> "Removed an unfinished upload: " + file.getFileName());
            }
        }
    }

    @Override
    public StagedFile stage(InputStream in, long maxBytes) throws IOException {
        var file = staging.resolve(UUID.randomUUID() + ".part");
        long written = 0;
        try (var out = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            var buffer = new byte[BUFFER];
            var wrapped = java.nio.ByteBuffer.wrap(buffer);
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
        return new StagedFile(file, written);
    }

    @Override
    public void publish(StagedFile staged, String key) throws IOException {
        synchronized (lockFor(key)) {
            moveIntoPlace(staged.path(), key);
        }
    }

    @Override
    public Optional<Identity> identity(String key) throws IOException {
        var path = localPath(key);
        if (!Files.exists(path)) {
            return Optional.empty();
        }
        var attributes = Files.readAttributes(path, BasicFileAttributes.class);
        return Optional.of(new Identity(attributes.fileKey(), attributes.size(), attributes.lastModifiedTime().toMillis()));
    }

    @Override
    public boolean replaceIfUnchanged(String key, Identity expected, Path replacement) throws IOException {
        synchronized (lockFor(key)) {
            if (!identity(key).filter(expected::equals).isPresent()) {
                return false;
            }
            moveIntoPlace(replacement, key);
            return true;
        }
    }

    @Override
    public Path stagingArea() {
        return staging;
    }

    /** The rename itself reaches the disk before the row that names the file is committed (a power cut). */
    private void moveIntoPlace(Path file, String key) throws IOException {
        AtomicFiles.moveIntoPlace(file, localPath(key), "The media folder");
    }

    /** One monitor per key: replacements of one file happen one at a time. */
    private Object lockFor(String key) {
        return locks.computeIfAbsent(key, k -> new Object());
    }

    @Override
    public void delete(String key) {
        try {
            synchronized (lockFor(key)) {
                Files.deleteIfExists(localPath(key));
            }
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
    public Path localPath(String key) {
        if (!KEY.matcher(key).matches() || key.contains("..")) {
            throw new IllegalArgumentException("Not a media key: " + key);
        }
        return root.resolve(key);
    }
}
