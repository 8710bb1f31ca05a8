package dev.chapitre.publishing.control;

import dev.chapitre.platform.control.AtomicFiles;
import dev.chapitre.publishing.entity.TreeFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * The published tree on disk. Every file is prepared in {@code .staging} (same file system),
 * flushed, then renamed over its public path, so a reader (nginx) sees the old or the new bytes
 * and never part of them; a process killed mid-write leaves only a staging file, removed at the
 * next start. One writer at a time: the caller serialises.
 */
public class PublishedTree {

    private static final Logger LOG = Logger.getLogger(PublishedTree.class.getName());
    static final String[] PARTS = {"feeds", "chapters", "transcripts", "media"};
    /** The folders that hold a folder per show, its episodes' files in it. */
    static final List<String> SHOW_FOLDERS = List.of("chapters", "transcripts", "media");

    private final Path root;
    private final Path staging;

    public PublishedTree(Path root) {
        this.root = root.toAbsolutePath().normalize();
        this.staging = this.root.resolve(".staging");
        try {
            for (var part : PARTS) {
                Files.createDirectories(this.root.resolve(part));
            }
            Files.createDirectories(staging);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the published tree " + this.root, e);
        }
    }

    /**
     * Removes the staging files of writes cut off by a kill (the public files were never touched).
     * Only for the tree's one writer, before it writes: in a cluster the instances share the tree,
     * and a staging file may be the leader's write in progress when another instance starts.
     */
    public void removeLeftovers() throws IOException {
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(staging)) {
            for (var file : leftovers) {
                Files.deleteIfExists(file);
            }
        }
    }

    /**
     * A tree left from a time when it was kept (CHAPITRE_BASE_URL since unset) would be served stale
     * by nginx: it goes. Only a folder this class prepared (it has the staging folder) is touched.
     */
    public static void removeIfPresent(Path root) {
        var staging = root.resolve(".staging");
        if (!Files.isDirectory(staging)) {
            return;
        }
        try {
            for (var part : PARTS) {
                deleteTreeFiles(root, root.resolve(part));
            }
            deleteRecursively(staging);
            LOG.info(() -> "Removed the published tree in " + root.toAbsolutePath() + ": it is no longer kept");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot remove the published tree " + root.toAbsolutePath()
                    + ", which nginx would serve stale", e);
        }
    }

    public Path root() {
        return root;
    }

    /**
     * Makes the show's part of the tree exactly {@code files}: what is new or changed is written
     * (audio and chapter files before the feed that names them), then what is no longer public is
     * removed (after the feed that stopped naming it). Returns how many files were written or removed.
     */
    public int sync(String slug, Collection<TreeFile> files) throws IOException {
        var before = existing(slug);
        int changes = 0;
        var wanted = new HashSet<String>();
        var feeds = new ArrayList<TreeFile>();
        for (var file : files) {
            wanted.add(file.path());
            if (file instanceof TreeFile.Document document && document.gzipped().isPresent()) {
                wanted.add(file.path() + ".gz");
            }
            if (file.path().startsWith("feeds/")) {
                feeds.add(file);
            } else {
                changes += put(file);
            }
        }
        for (var feed : feeds) {
            changes += put(feed);
        }
        for (var path : before) {
            if (!wanted.contains(path)) {
                changes += remove(path);
            }
        }
        return changes;
    }

    /** Removes a show that no longer exists, feed first. */
    public int removeShow(String slug) throws IOException {
        int changes = 0;
        var paths = existing(slug);
        paths.sort(Comparator.comparing((String path) -> !path.startsWith("feeds/")));
        for (var path : paths) {
            changes += remove(path);
        }
        for (var part : SHOW_FOLDERS) {
            deleteFolderIfEmpty(root.resolve(part).resolve(slug));
        }
        return changes;
    }

    /**
     * The shows the tree holds something of, by slug: from the feeds, chapter and media folders
     * (what a crash or a renamed show may have left behind is found too).
     */
    public Set<String> shows() throws IOException {
        var slugs = new HashSet<String>();
        for (var part : PARTS) {
            try (Stream<Path> entries = Files.list(root.resolve(part))) {
                entries.map(entry -> entry.getFileName().toString())
                        .map(name -> part.equals("feeds") ? name.replaceFirst("\\.xml(\\.gz)?$", "") : name)
                        .forEach(slugs::add);
            }
        }
        return slugs;
    }

    private static void deleteFolderIfEmpty(Path folder) throws IOException {
        try {
            Files.deleteIfExists(folder);
        } catch (java.nio.file.DirectoryNotEmptyException notOurs) {
            LOG.warning(() -> folder + " holds files the published tree does not write: left alone");
        }
    }

    /** Whether a path under the root has the shape of a file the tree writes (a public path, or its gzipped copy). */
    static boolean isTreeFile(String relative) {
        return TreeFile.PATH.matcher(relative.endsWith(".gz") ? relative.substring(0, relative.length() - 3) : relative).matches();
    }

    /** Everything under the show's paths that has the shape of a tree file, as paths relative to the root. */
    private List<String> existing(String slug) throws IOException {
        var found = new ArrayList<String>();
        for (var feed : List.of("feeds/" + slug + ".xml", "feeds/" + slug + ".xml.gz")) {
            if (Files.exists(root.resolve(feed))) {
                found.add(feed);
            }
        }
        for (var part : SHOW_FOLDERS) {
            var folder = root.resolve(part).resolve(slug);
            if (Files.isDirectory(folder)) {
                try (Stream<Path> files = Files.walk(folder)) {
                    files.filter(Files::isRegularFile).map(file -> root.relativize(file).toString().replace('\\', '/'))
                            .filter(PublishedTree::isTreeFile).forEach(found::add);
                }
            }
        }
        return found;
    }

    /** The files of the tree's shape under {@code folder}, then the folders left empty; anything else stays. */
    private static void deleteTreeFiles(Path root, Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> left = Files.walk(folder)) {
            for (var path : left.sorted(Comparator.reverseOrder()).toList()) {
                if (Files.isDirectory(path)) {
                    try (Stream<Path> inside = Files.list(path)) {
                        if (inside.findAny().isEmpty()) {
                            Files.delete(path);
                        }
                    }
                } else if (isTreeFile(root.relativize(path).toString().replace('\\', '/'))) {
                    Files.delete(path);
                }
            }
        }
    }

    private static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> left = Files.walk(folder)) {
            for (var path : left.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private int put(TreeFile file) throws IOException {
        return file instanceof TreeFile.Document document ? putDocument(document) : putLink((TreeFile.Link) file);
    }

    /**
     * Writes a document and its gzipped copy unless the bytes are already there. Changed bytes are
     * never dated at or before the file they replace: nginx's validators are the date and size, so
     * a new version must not look like the old one (deleting an episode changes the feed without
     * moving any date in the data).
     */
    private int putDocument(TreeFile.Document document) throws IOException {
        var target = root.resolve(document.path());
        var gzipTarget = root.resolve(document.path() + ".gz");
        boolean plainCurrent = holds(target, document.plain());
        boolean gzipCurrent = document.gzipped().map(bytes -> holds(gzipTarget, bytes)).orElse(!Files.exists(gzipTarget));
        if (plainCurrent && gzipCurrent) {
            return 0;
        }
        var modified = document.modified().truncatedTo(ChronoUnit.SECONDS);
        if (Files.exists(target)) {
            var previous = Files.getLastModifiedTime(target).toInstant().truncatedTo(ChronoUnit.SECONDS);
            if (!modified.isAfter(previous)) {
                modified = previous.plusSeconds(1);
            }
        }
        int changes = 0;
        // The gzipped copy first: until the plain file is renamed too, both are the old version or
        // each a whole version; the plain file is what tells nginx the document exists.
        if (document.gzipped().isPresent()) {
            replace(gzipTarget, document.gzipped().get(), modified);
            changes++;
        } else if (Files.deleteIfExists(gzipTarget)) {
            changes++;
        }
        replace(target, document.plain(), modified);
        return changes + 1;
    }

    private static boolean holds(Path file, byte[] bytes) {
        try {
            return Files.size(file) == bytes.length && Arrays.equals(Files.readAllBytes(file), bytes);
        } catch (NoSuchFileException absent) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void replace(Path target, byte[] bytes, Instant modified) throws IOException {
        var prepared = staging.resolve(UUID.randomUUID() + ".part");
        try {
            try (var out = FileChannel.open(prepared, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                var buffer = java.nio.ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    out.write(buffer);
                }
                out.force(true);
            }
            Files.setLastModifiedTime(prepared, FileTime.from(modified));
            moveIntoPlace(prepared, target);
        } finally {
            Files.deleteIfExists(prepared);
        }
    }

    /**
     * The stored file itself, as a second name: no copy, and the version nginx serves is exactly
     * the one stored when the link was made (a re-tag renames a new file over the stored name, and
     * the next sync links that one). Across file systems a link is impossible: a copy, once per version.
     */
    private int putLink(TreeFile.Link link) throws IOException {
        var target = root.resolve(link.path());
        if (!Files.exists(link.source())) {
            LOG.warning(() -> "Not publishing " + link.path() + ": its stored file " + link.source() + " is missing");
            return remove(link.path());
        }
        if (Files.exists(target) && sameVersion(target, link.source())) {
            return 0;
        }
        var prepared = staging.resolve(UUID.randomUUID() + ".part");
        try {
            try {
                Files.createLink(prepared, link.source());
            } catch (FileSystemException | UnsupportedOperationException notOnThisFileSystem) {
                Files.copy(link.source(), prepared, StandardCopyOption.COPY_ATTRIBUTES);
                try (var out = FileChannel.open(prepared, StandardOpenOption.WRITE)) {
                    out.force(true);
                }
                Files.setLastModifiedTime(prepared, Files.getLastModifiedTime(link.source()));
            }
            moveIntoPlace(prepared, target);
        } catch (NoSuchFileException replacedMeanwhile) {
            LOG.fine(() -> link.source() + " went away while being published; the next change publishes its successor");
            return 0;
        } finally {
            Files.deleteIfExists(prepared);
        }
        return 1;
    }

    private static boolean sameVersion(Path published, Path stored) throws IOException {
        return Files.isSameFile(published, stored)
                || Files.size(published) == Files.size(stored)
                && Files.getLastModifiedTime(published).equals(Files.getLastModifiedTime(stored));
    }

    private int remove(String path) throws IOException {
        var file = root.resolve(path);
        boolean removed = Files.deleteIfExists(file);
        if (removed) {
            AtomicFiles.syncDirectory(file.getParent());
        }
        return removed ? 1 : 0;
    }

    /** The rename reaches the disk: after a power cut the tree holds the version it announced. */
    private static void moveIntoPlace(Path prepared, Path target) throws IOException {
        AtomicFiles.moveIntoPlace(prepared, target, "The published tree and its staging folder");
    }
}
