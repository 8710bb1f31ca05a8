package dev.chapitre.feeds.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chapitre.feeds.control.PublishedDocument;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import dev.chapitre.platform.TestGrid;
import org.junit.jupiter.api.Test;

class DocumentCacheTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    private final DocumentCache cache = new DocumentCache();
    private final AtomicInteger builds = new AtomicInteger();

    DocumentCacheTest() {
        cache.budgetMb = 64;
        cache.grid = TestGrid.shared();
        cache.grid.getMap(DocumentCache.SERVED).clear(); // what another test served under the same keys
        cache.openSharedDates();
    }

    @Test
    void buildsOncePerChangeOfItsShow() {
        assertEquals("a", body(cache.get("feed:1", NOW, () -> build(1, "a", NOW, null))));
        assertEquals("a", body(cache.get("feed:1", NOW, () -> build(1, "b", NOW, null))));
        cache.invalidate(2);
        assertEquals("a", body(cache.get("feed:1", NOW, () -> build(1, "b", NOW, null))), "another show's change");
        cache.invalidate(1);
        assertEquals("b", body(cache.get("feed:1", NOW, () -> build(1, "b", NOW, null))));
        assertEquals(2, builds.get());
    }

    @Test
    void aBuildThatOverlappedAChangeIsServedOnceButNotKept() {
        var served = cache.get("feed:1", NOW, () -> {
            var stale = build(1, "old", NOW, null);
            cache.invalidate(1); // a producer's edit commits while the feed is being built
            return stale;
        });
        assertEquals("old", body(served));
        assertEquals("new", body(cache.get("feed:1", NOW, () -> build(1, "new", NOW, null))));
    }

    @Test
    void aDocumentDoesNotOutliveTheNextScheduledEpisode() {
        var due = NOW.plusSeconds(30);
        cache.get("feed:1", NOW, () -> build(1, "before", NOW, due));
        assertEquals("before", body(cache.get("feed:1", due.minusMillis(1), () -> build(1, "after", due, null))));
        assertEquals("after", body(cache.get("feed:1", due, () -> build(1, "after", due, null))));
    }

    @Test
    void lastModifiedStaysForTheSameBytesAndMovesForwardForNewOnes() {
        var first = cache.get("feed:1", NOW, () -> build(1, "same", NOW, null)).orElseThrow();
        cache.invalidate(1);
        var rebuilt = cache.get("feed:1", NOW, () -> build(1, "same", NOW.plusSeconds(60), null)).orElseThrow();
        assertEquals(first.lastModified(), rebuilt.lastModified(), "identical bytes keep their date");

        cache.invalidate(1);
        // an episode was deleted: the bytes change but no remaining timestamp is newer
        var changed = cache.get("feed:1", NOW, () -> build(1, "fewer", NOW.minusSeconds(3600), null)).orElseThrow();
        assertNotEquals(first.etag(), changed.etag());
        assertEquals(first.lastModified().plusSeconds(1), changed.lastModified());
    }

    @Test
    void beyondItsBudgetTheLeastRecentlyReadDocumentIsDropped() {
        cache.budgetMb = 1;
        cache.get("a", NOW, () -> random(1, 200_000));
        cache.get("b", NOW, () -> random(2, 200_000));
        cache.get("a", NOW, () -> random(1, 200_000)); // read: now "b" is the least recent
        int before = builds.get();
        cache.get("c", NOW, () -> random(3, 200_000));
        cache.get("a", NOW, () -> random(1, 200_000));
        assertEquals(before + 1, builds.get(), "'a' was kept");
        cache.get("b", NOW, () -> random(2, 200_000));
        assertEquals(before + 2, builds.get(), "'b' was dropped and rebuilt");
    }

    private Optional<DocumentCache.Built> build(long podcastId, String body, Instant modified, Instant expires) {
        builds.incrementAndGet();
        return Optional.of(new DocumentCache.Built(podcastId, PublishedDocument.of("text/plain",
                body.getBytes(StandardCharsets.UTF_8), modified, Optional.ofNullable(expires))));
    }

    private Optional<DocumentCache.Built> random(long podcastId, int size) {
        builds.incrementAndGet();
        var bytes = new byte[size];
        new Random(podcastId).nextBytes(bytes); // incompressible: the gzip copy is as large
        return Optional.of(new DocumentCache.Built(podcastId, PublishedDocument.of("application/octet-stream", bytes, NOW, Optional.empty())));
    }

    private static String body(Optional<PublishedDocument> document) {
        assertTrue(document.isPresent());
        return new String(document.get().plain(), StandardCharsets.UTF_8);
    }
}
