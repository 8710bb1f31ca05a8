package dev.chapitre.downloads.control;

import dev.chapitre.downloads.entity.LogPosition;
import dev.chapitre.platform.control.Digests;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Reads a log file that a web server appends to and logrotate rotates, from a stored
 * {@link LogPosition}, in batches of complete lines. Stateless but for one thing, the size of a
 * rotated file and since when it has not grown: the position itself is the caller's to store, in
 * the same transaction as what the lines produced, so that they count exactly once.
 *
 * <ul>
 * <li>Only complete lines (ending in a line feed) are read; a partial last line waits.</li>
 * <li>Rotation (rename to {@code .1}, a new file at the path): the file of the position is found
 * again by its identity among the path's siblings whose name starts with the log's, finished, and
 * left for the next file once it has not grown for {@link #QUIET} (nginx workers reopen the log one
 * by one).</li>
 * <li>A copy of the file (copytruncate's {@code .1}: same first line, other inode) is continued from
 * the position; the file truncated in place is read again from its start, with a warning.</li>
 * <li>A position whose file is gone (rotated and compressed while nobody read it): one warning, and
 * reading goes on at the start of the oldest plain file written since the position was saved.</li>
 * </ul>
 */
public final class LogFollower {

    private static final Logger LOG = Logger.getLogger(LogFollower.class.getName());
    /** How long a rotated file must stay the same size before the next one is read. */
    public static final Duration QUIET = Duration.ofSeconds(2);
    static final int BATCH_BYTES = 1 << 20;
    static final int HEAD_BYTES = 4096;
    private static final List<String> COMPRESSED = List.of(".gz", ".bz2", ".xz", ".zst", ".lz4", ".z", ".zip");

    /** Complete lines from a file, and where reading stopped after them; {@code skipped} counts a tail left behind. */
    public record Batch(List<String> lines, LogPosition end, int skipped) {
    }

    /** One file that is or was the log: its path now, identity, size and last write. */
    record LogFile(Path path, String key, String head, long size, Instant modified, boolean current) {
    }

    private record Growth(String key, long size, Instant since) {
    }

    private final Path log;
    private final Clock clock;
    private Optional<Growth> growth = Optional.empty();

    public LogFollower(Path log, Clock clock) {
        this.log = log.toAbsolutePath();
        this.clock = clock;
    }

    public Path log() {
        return log;
    }

    /** The lines after {@code from}; an empty batch whose end differs from {@code from} moved to another file. */
    public Batch next(LogPosition from) throws IOException {
        var files = files();
        var where = locate(from, files);
        if (where.isEmpty()) {
            return new Batch(List.of(), from, 0);
        }
        var file = where.get().file();
        long offset = where.get().offset();
        var read = readLines(file, offset);
        if (read.isEmpty()) {
            return new Batch(List.of(), from, 0); // the file changed under us: look again next time
        }
        var lines = read.get();
        if (!lines.lines().isEmpty() || lines.end() > offset) {
            growth = Optional.empty();
            return new Batch(lines.lines(), position(file, lines.end()), lines.skipped());
        }
        var here = position(file, offset);
        if (file.current() || !finished(file)) {
            return new Batch(List.of(), here.sameSpot(from) ? from : here, 0);
        }
        // A rotated file that no worker writes to any more: what is left is a line nginx never finished.
        int next = files.indexOf(file) + 1;
        if (next == files.size()) {
            return new Batch(List.of(), from, 0); // between logrotate's rename and its create
        }
        return new Batch(List.of(), position(files.get(next), 0), offset < file.size() ? 1 : 0);
    }

    private record Where(LogFile file, long offset) {
    }

    private Optional<Where> locate(LogPosition from, List<LogFile> files) {
        var current = files.stream().filter(LogFile::current).findFirst();
        if (from.isNone()) {
            return current.map(file -> new Where(file, 0));
        }
        var same = files.stream().filter(file -> from.isIn(file.key(), file.head())).findFirst();
        if (same.isPresent()) {
            return Optional.of(new Where(same.get(), from.offset()));
        }
        var copy = files.stream().filter(file -> !from.headHash().isEmpty() && file.head().equals(from.headHash())
                && file.size() >= from.offset()).findFirst();
        if (copy.isPresent()) {
            LOG.warning(() -> "The download log " + log + " was copied to " + copy.get().path()
                    + " (logrotate's copytruncate?): reading on in the copy from byte " + from.offset()
                    + "; lines written between the copy and the truncation are lost. Use create, not copytruncate.");
            return Optional.of(new Where(copy.get(), from.offset()));
        }
        var truncated = current.filter(file -> file.key().equals(from.fileKey()) && file.size() < from.offset());
        if (truncated.isPresent()) {
            LOG.warning(() -> "The download log " + log + " was truncated in place (it is shorter than byte " + from.offset()
                    + " counting had reached): reading it again from its start; lines written before the truncation"
                    + " and not yet read are lost. Rotate it with create, not copytruncate.");
            return Optional.of(new Where(truncated.get(), 0));
        }
        var newer = files.stream().filter(file -> !file.modified().isBefore(from.savedAt())).findFirst().or(() -> current);
        newer.ifPresent(file -> LOG.warning(() -> "The download log file counting had reached (inode " + from.fileKey()
                + ", byte " + from.offset() + ") is no longer beside " + log + ": it was rotated and compressed while"
                + " nothing read it. Its lines after that byte are not counted; counting goes on at the start of "
                + file.path() + ", the oldest plain log file written since " + from.savedAt() + "."));
        return newer.map(file -> new Where(file, 0));
    }

    /** The rotated file has kept its size for {@link #QUIET}: every worker writes to the new one. */
    private boolean finished(LogFile file) {
        var now = clock.instant();
        var seen = growth.filter(g -> g.key().equals(file.key()) && g.size() == file.size());
        if (seen.isEmpty()) {
            growth = Optional.of(new Growth(file.key(), file.size(), now));
            return false;
        }
        return !now.isBefore(seen.get().since().plus(QUIET));
    }

    private LogPosition position(LogFile file, long offset) {
        return new LogPosition(file.key(), file.head(), offset, clock.instant());
    }

    /** The log and its plain (not compressed) rotated siblings, oldest write first, the log itself last. */
    List<LogFile> files() throws IOException {
        var name = log.getFileName().toString();
        var found = new ArrayList<LogFile>();
        if (!Files.isDirectory(log.getParent())) {
            return found;
        }
        try (Stream<Path> siblings = Files.list(log.getParent())) {
            for (var path : siblings.filter(path -> isLogOrRotated(path.getFileName().toString(), name)).toList()) {
                describe(path).ifPresent(found::add);
            }
        }
        found.sort(Comparator.comparing(LogFile::current).thenComparing(LogFile::modified));
        return found;
    }

    private static boolean isLogOrRotated(String candidate, String name) {
        var lower = candidate.toLowerCase(Locale.ROOT);
        return candidate.startsWith(name) && COMPRESSED.stream().noneMatch(lower::endsWith);
    }

    private Optional<LogFile> describe(Path path) throws IOException {
        try {
            var attributes = Files.readAttributes(path, BasicFileAttributes.class);
            if (!attributes.isRegularFile()) {
                return Optional.empty();
            }
            return Optional.of(new LogFile(path, String.valueOf(attributes.fileKey()), head(path), attributes.size(),
                    attributes.lastModifiedTime().toInstant(), path.equals(log)));
        } catch (NoSuchFileException renamedMeanwhile) {
            return Optional.empty();
        }
    }

    /** SHA-256 of the first line (of at most its first {@link #HEAD_BYTES}); "" while there is none. */
    static String head(Path path) throws IOException {
        try (var channel = FileChannel.open(path, StandardOpenOption.READ)) {
            var buffer = ByteBuffer.allocate(HEAD_BYTES);
            while (buffer.hasRemaining() && channel.read(buffer) > 0) {
                // fill up to HEAD_BYTES or the end of the file
            }
            int end = -1;
            for (int i = 0; i < buffer.position(); i++) {
                if (buffer.get(i) == '\n') {
                    end = i + 1;
                    break;
                }
            }
            if (end < 0 && buffer.hasRemaining()) {
                return "";
            }
            int length = end < 0 ? HEAD_BYTES : end;
            return HexFormat.of().formatHex(Digests.sha256(Arrays.copyOf(buffer.array(), length)));
        }
    }

    private record Lines(List<String> lines, long end, int skipped) {
    }

    /** Complete lines from {@code offset}, or empty when the path no longer names the file listed. */
    private Optional<Lines> readLines(LogFile file, long offset) throws IOException {
        try (var channel = FileChannel.open(file.path(), StandardOpenOption.READ)) {
            if (!String.valueOf(Files.readAttributes(file.path(), BasicFileAttributes.class).fileKey()).equals(file.key())) {
                return Optional.empty();
            }
            var buffer = ByteBuffer.allocate((int) Math.min(BATCH_BYTES, Math.max(0, channel.size() - offset)));
            channel.position(offset);
            while (buffer.hasRemaining() && channel.read(buffer) > 0) {
                // read the batch
            }
            var bytes = buffer.array();
            int filled = buffer.position();
            int last = filled - 1;
            while (last >= 0 && bytes[last] != '\n') {
                last--;
            }
            if (last < 0) {
                // A "line" as long as a whole batch is not nginx's: skip it rather than wait for ever.
                return Optional.of(filled == BATCH_BYTES ? new Lines(List.of(), offset + filled, 1) : new Lines(List.of(), offset, 0));
            }
            var lines = new ArrayList<String>();
            int start = 0;
            for (int i = 0; i <= last; i++) {
                if (bytes[i] == '\n') {
                    int end = i > start && bytes[i - 1] == '\r' ? i - 1 : i;
                    lines.add(new String(bytes, start, end - start, StandardCharsets.UTF_8));
                    start = i + 1;
                }
            }
            return Optional.of(new Lines(lines, offset + last + 1, 0));
        } catch (NoSuchFileException renamedMeanwhile) {
            return Optional.empty();
        }
    }
}
