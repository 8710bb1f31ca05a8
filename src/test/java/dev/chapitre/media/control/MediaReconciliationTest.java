package dev.chapitre.media.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The media folder after a crash, brought in line with the rows that refer to it. */
class MediaReconciliationTest {

    static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

    @TempDir
    Path dataDir;

    @Test
    void oldFilesNoRowRefersToGoAndMissingOnesAreReported() throws Exception {
        var storage = new FileSystemMediaStorage(dataDir.toString());
        var kept = file(storage, "episodes/kept.mp3", NOW.minus(Duration.ofDays(30)));
        var orphan = file(storage, "episodes/orphan.mp3", NOW.minus(Duration.ofHours(2)));
        var oldArtwork = file(storage, "artwork/old.png", NOW.minus(Duration.ofDays(2)));
        var uploading = file(storage, "episodes/commit-under-way.mp3", NOW.minus(Duration.ofMinutes(5)));
        var retired = file(storage, "episodes/retired.mp3", NOW.minus(Duration.ofDays(3)));
        var staged = Files.writeString(storage.stagingArea().resolve("upload.part"), "not a published file");

        var outcome = MediaReconciliation.reconcile(storage,
                () -> new MediaReconciliation.References(Set.of("episodes/kept.mp3", "episodes/lost.mp3"),
                        Set.of("episodes/retired-and-deleted.mp3", "episodes/retired.mp3")),
                Duration.ofHours(1), NOW);

        assertEquals(Set.of("episodes/orphan.mp3", "artwork/old.png"), outcome.removed());
        assertEquals(Set.of("episodes/lost.mp3"), outcome.missing(), "a retired version already deleted is no loss");
        assertTrue(Files.exists(retired), "kept until its own deletion");
        assertTrue(Files.exists(kept));
        assertFalse(Files.exists(orphan));
        assertFalse(Files.exists(oldArtwork));
        assertTrue(Files.exists(uploading), "younger than the grace period: its commit may still come");
        assertTrue(Files.exists(staged), "the staging area is not the reconciliation's");
    }

    @Test
    void aFilePublishedAfterTheListingIsNotMissing() throws Exception {
        var storage = new FileSystemMediaStorage(dataDir.toString());
        var outcome = MediaReconciliation.reconcile(storage, () -> {
            try {
                file(storage, "episodes/just-committed.mp3", NOW); // between the listing and the query
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            return MediaReconciliation.References.named(Set.of("episodes/just-committed.mp3"));
        }, Duration.ofHours(1), NOW);
        assertEquals(Set.of(), outcome.missing());
        assertEquals(Set.of(), outcome.removed());
    }

    @Test
    void aDatabaseThatNamesNoFileCostsNoFile() throws Exception {
        var storage = new FileSystemMediaStorage(dataDir.toString());
        var copiedBeforeTheRestore = file(storage, "episodes/copied.mp3", NOW.minus(Duration.ofDays(300)));

        var outcome = MediaReconciliation.reconcile(storage, () -> MediaReconciliation.References.named(Set.of()), Duration.ofHours(1), NOW);

        assertEquals(Set.of(), outcome.removed());
        assertTrue(Files.exists(copiedBeforeTheRestore), "an installation waiting for its restore, or the wrong database");
    }

    @Test
    void keysWithDotSegmentsAreNotMediaKeys() {
        var storage = new FileSystemMediaStorage(dataDir.toString());
        for (var key : new String[] {"episodes/.", "episodes/..", "episodes/./a.mp3", "episodes/../db/chapitre.mv.db", ".staging/x"}) {
            org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> storage.localFile(key).orElseThrow(), key);
        }
        assertTrue(storage.localFile("episodes/0b0e.mp3").orElseThrow().endsWith("media/episodes/0b0e.mp3"));
    }

    private static Path file(MediaStorage storage, String key, Instant modified) throws Exception {
        var path = storage.localFile(key).orElseThrow();
        Files.createDirectories(path.getParent());
        Files.writeString(path, key);
        Files.setLastModifiedTime(path, FileTime.from(modified));
        return path;
    }
}
