package dev.chapitre.downloads.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chapitre.downloads.entity.LogPosition;
import dev.chapitre.platform.MovableClock;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Following a log as nginx writes it and Debian's logrotate rotates it (rename to .1, create, USR1,
 * delaycompress), through restarts: every line read once, none lost, in a temporary directory.
 */
class LogFollowerTest {

    @TempDir
    Path dir;
    Path log;
    MovableClock clock = new MovableClock(Instant.parse("2026-11-30T17:00:00Z"));
    LogFollower follower;
    LogPosition position = LogPosition.NONE;

    @BeforeEach
    void aLog() {
        log = dir.resolve("chapitre-downloads.log");
        follower = new LogFollower(log, clock);
    }

    @Test
    void onlyCompleteLinesAreReadAndAPartialOneWaits() throws IOException {
        assertEquals(List.of(), read(), "no file yet");
        append(log, "one\ntw");
        assertEquals(List.of("one"), read());
        assertEquals(4, position.offset(), "after the line feed");
        append(log, "o\r\nthree\n");
        assertEquals(List.of("two", "three"), read());
        assertEquals(List.of(), read());
    }

    @Test
    void aRotatedFileIsFinishedThenTheNewOneReadOnceTheOldHasStoppedGrowing() throws IOException {
        append(log, "a1\na2\n");
        assertEquals(List.of("a1", "a2"), read());
        append(log, "a3\n");
        rotate();
        append(log, "b1\n");
        append(dir.resolve("chapitre-downloads.log.1"), "a4\n"); // a worker that has not reopened yet
        assertEquals(List.of("a3", "a4"), read(), "the old file first, found by its identity");
        assertEquals(List.of(), read(), "it may still grow");
        append(dir.resolve("chapitre-downloads.log.1"), "a5\n");
        assertEquals(List.of("a5"), read());
        clock.move(LogFollower.QUIET.minusMillis(1));
        assertEquals(List.of(), read(), "not quiet long enough");
        clock.move(LogFollower.QUIET);
        assertEquals(List.of(), read(), "quiet: a step to the new file, stored like any other");
        assertEquals(key(log), position.fileKey());
        assertEquals(0, position.offset());
        assertEquals(List.of("b1"), read(), "the new file, from its start");
    }

    @Test
    void aRestartGoesOnFromTheStoredPositionAlsoInTheRotatedFile() throws IOException {
        append(log, "a1\na2\n");
        assertEquals(List.of("a1", "a2"), read());
        append(log, "a3\n");
        rotate(); // while the application is down
        append(log, "b1\n");
        follower = new LogFollower(log, clock); // a new instance, with the position from the database
        assertEquals(List.of("a3", "b1"), readAll());
    }

    @Test
    void aStoredFileGoneWhileDownIsLeftForTheOldestPlainFileWrittenSince() throws IOException {
        append(log, "a1\n");
        assertEquals(List.of("a1"), read());
        append(log, "a2\n"); // never read: lost with the file
        clock.move(Duration.ofMinutes(1));
        rotate();
        append(log, "b1\n");
        Files.move(dir.resolve("chapitre-downloads.log.1"), dir.resolve("chapitre-downloads.log.2.gz")); // compressed: not ours to read
        rotate();
        append(log, "c1\n");
        follower = new LogFollower(log, clock);
        assertEquals(List.of("b1", "c1"), readAll(), "b from its start, then c; a2 is lost (and the warning says so)");
    }

    @Test
    void aLogTruncatedInPlaceIsReadAgainFromItsStart() throws IOException {
        append(log, "a-rather-long-line-1\na-rather-long-line-2\n");
        assertEquals(2, read().size());
        var inode = key(log);
        try (var channel = FileChannel.open(log, StandardOpenOption.WRITE)) {
            channel.truncate(0);
        }
        append(log, "b1\n");
        assertEquals(inode, key(log), "the same file");
        assertEquals(List.of("b1"), read());
    }

    @Test
    void copytruncatesCopyIsReadOnFromThePositionThenTheTruncatedLog() throws IOException {
        append(log, "a1\n");
        assertEquals(List.of("a1"), read());
        append(log, "a2\n");
        Files.copy(log, dir.resolve("chapitre-downloads.log.1"), StandardCopyOption.COPY_ATTRIBUTES);
        try (var channel = FileChannel.open(log, StandardOpenOption.WRITE)) {
            channel.truncate(0);
        }
        append(log, "b1\n");
        assertEquals(List.of("a2", "b1"), readAll(), "nothing twice");
    }

    @Test
    void aReusedInodeIsNotTakenForTheStoredFile() throws IOException {
        append(log, "new-file-line-1\nnew-file-line-2\n");
        // The stored file is gone and the new log got its inode: same key, another first line, and
        // longer than where counting stopped, so it cannot be the old file truncated.
        position = new LogPosition(key(log), "0".repeat(64), 3, clock.instant().minusSeconds(60));
        assertEquals(List.of("new-file-line-1", "new-file-line-2"), readAll(), "read whole, not from byte 3");
    }

    @Test
    void theHeadIsTheFirstLineAndNothingBeforeItIsComplete() throws IOException {
        append(log, "first");
        assertEquals("", LogFollower.head(log));
        append(log, "\nsecond\n");
        var head = LogFollower.head(log);
        append(log, "third\n");
        assertEquals(head, LogFollower.head(log), "lines appended do not change who the file is");
        Files.writeString(dir.resolve("other"), "another\n");
        assertNotEquals(head, LogFollower.head(dir.resolve("other")));
    }

    @Test
    void aLineLongerThanABatchIsSkippedNotWaitedFor() throws IOException {
        append(log, "x".repeat(LogFollower.BATCH_BYTES + 10) + "\nnext\n");
        var batch = follower.next(position);
        assertEquals(1, batch.skipped());
        position = batch.end();
        assertTrue(readAll().contains("next"));
    }

    /** One call, as one transaction would make it; the position moves as the transaction would store it. */
    List<String> read() throws IOException {
        var batch = follower.next(position);
        position = batch.end();
        return batch.lines();
    }

    /** Calls until nothing moves for longer than a rotated file's quiet time. */
    List<String> readAll() throws IOException {
        var lines = new ArrayList<String>();
        for (int quietCalls = 0; quietCalls < 3; ) {
            var before = position;
            lines.addAll(read());
            if (position.sameSpot(before)) {
                quietCalls++;
                clock.move(LogFollower.QUIET);
            } else {
                quietCalls = 0;
            }
        }
        return lines;
    }

    /** Debian's logrotate with create: the log renamed to .1, a new empty log in its place. */
    void rotate() throws IOException {
        Files.move(log, dir.resolve("chapitre-downloads.log.1"), StandardCopyOption.REPLACE_EXISTING);
        Files.createFile(log);
    }

    static void append(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    static String key(Path file) throws IOException {
        return String.valueOf(Files.readAttributes(file, BasicFileAttributes.class).fileKey());
    }
}
