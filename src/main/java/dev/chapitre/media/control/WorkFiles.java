package dev.chapitre.media.control;

import dev.chapitre.platform.control.HostName;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Unfinished files (uploads being staged, re-tags being written, samples; on S3 the staged
 * uploads) named after the process that writes them: "host~pid~random.ext". The instances of a
 * cluster share the media (a folder or a bucket), so an instance that starts must not remove what
 * another one is writing: it removes what a process of its own host left that is no longer running
 * (a kill), and what any host left untouched for longer than {@link #ABANDONED}.
 */
public final class WorkFiles {

    private static final Logger LOG = Logger.getLogger(WorkFiles.class.getName());
    /** Longer than any upload or re-tag takes while it writes (a stalled upload is cut off in seconds). */
    public static final Duration ABANDONED = Duration.ofHours(3);
    /**
     * This machine since its last boot: its name, and the kernel's boot id where there is one (two
     * hosts may share a name: cloned machines, containers; a process id means something only on
     * the machine that gave it, since that boot).
     */
    private static final String HOST = (HostName.ofThisMachine() + bootId().map(id -> "." + id).orElse("")).replaceAll("[^A-Za-z0-9.-]", "_");
    private static final String OWNER = HOST + "~" + ProcessHandle.current().pid() + "~";

    private WorkFiles() {
    }

    /** A new name in {@code folder}, owned by this process. */
    public static Path newFile(Path folder, String extension) {
        return folder.resolve(newName(extension));
    }

    /** A new file or object name owned by this process. */
    public static String newName(String extension) {
        return OWNER + UUID.randomUUID() + extension;
    }

    /** Removes the files of {@code folder} that nobody is writing any more; how many. */
    public static int removeAbandoned(Path folder, Instant now) throws IOException {
        int removed = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, Files::isRegularFile)) {
            for (var file : files) {
                if (isAbandoned(file.getFileName().toString(), Files.getLastModifiedTime(file).toInstant(), now)
                        && Files.deleteIfExists(file)) {
                    removed++;
                    LOG.info(() -> "Removed an unfinished file that no running process writes: " + file.getFileName());
                }
            }
        }
        return removed;
    }

    /** Whether the writer of {@code name}, last written at {@code touched}, is gone. */
    public static boolean isAbandoned(String name, Instant touched, Instant now) {
        var parts = name.split("~", 3);
        if (parts.length == 3 && parts[0].equals(HOST) && parts[1].matches("[0-9]{1,18}")) {
            long pid = Long.parseLong(parts[1]);
            boolean writerRuns = pid == ProcessHandle.current().pid() || ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
            if (!writerRuns) {
                return true;
            }
        }
        return touched.isBefore(now.minus(ABANDONED));
    }

    private static java.util.Optional<String> bootId() {
        try {
            return java.util.Optional.of(Files.readString(Path.of("/proc/sys/kernel/random/boot_id")).strip().replace("-", "").substring(0, 12));
        } catch (IOException | RuntimeException none) {
            return java.util.Optional.empty();
        }
    }
}
