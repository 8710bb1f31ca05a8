package dev.chapitre.media.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Instances sharing a data folder: a start removes what dead processes left, never what a running one writes. */
class WorkFilesTest {

    @TempDir
    Path folder;

    @Test
    void aStartRemovesWhatADeadProcessOfThisHostLeftAndKeepsWhatARunningOneWrites() throws Exception {
        var mine = WorkFiles.newFile(folder, ".part");
        Files.writeString(mine, "being written by this process");
        var host = mine.getFileName().toString().split("~")[0];
        var dead = folder.resolve(host + "~" + deadPid() + "~a.part");
        Files.writeString(dead, "cut off by a kill");
        var running = new ProcessBuilder("sleep", "60").start();
        try {
            var other = folder.resolve(host + "~" + running.pid() + "~b.part");
            Files.writeString(other, "another instance's upload in progress");
            var otherHost = folder.resolve("elsewhere.example~12~c.tagging");
            Files.writeString(otherHost, "a re-tag on another host");

            assertEquals(1, WorkFiles.removeAbandoned(folder, Instant.now()));
            assertFalse(Files.exists(dead), "its process is gone");
            assertTrue(Files.exists(mine) && Files.exists(other) && Files.exists(otherHost), "their writers may still run");

            Files.setLastModifiedTime(otherHost, FileTime.from(Instant.now().minus(WorkFiles.ABANDONED).minus(Duration.ofMinutes(1))));
            assertEquals(1, WorkFiles.removeAbandoned(folder, Instant.now()));
            assertFalse(Files.exists(otherHost), "untouched for longer than any write takes");
        } finally {
            running.destroy();
        }
    }

    private static long deadPid() throws Exception {
        var process = new ProcessBuilder("true").start();
        process.waitFor();
        return process.pid();
    }
}
