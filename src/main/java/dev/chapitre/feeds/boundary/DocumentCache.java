package dev.chapitre.feeds.boundary;

import dev.chapitre.episodes.boundary.EpisodeChanged;
import dev.chapitre.feeds.control.PublishedDocument;
import dev.chapitre.podcasts.boundary.PodcastChanged;
import dev.chapitre.podcasts.boundary.PodcastRemoval;
import dev.chapitre.retagging.boundary.EpisodeRetagged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Feeds and chapter files, built once per change and then served from memory. Any committed
 * change to a show, its episodes, chapters or audio drops that show's documents; a document
 * also expires when its next scheduled episode is due. Memory is bounded: past the budget, the
 * documents read least recently are dropped (they are rebuilt on demand).
 */
@ApplicationScoped
public class DocumentCache {

    /**
     * A document and what it belongs to; {@code lastRead} is only a hint for eviction: the number
     * of the read that last served it (an order, not a time: two reads in one clock tick differ).
     */
    private static final class Entry {
        final long podcastId;
        final PublishedDocument document;
        volatile long lastRead;

        Entry(long podcastId, PublishedDocument document, long read) {
            this.podcastId = podcastId;
            this.document = document;
            this.lastRead = read;
        }
    }

    /** A freshly built document and the show it belongs to. */
    public record Built(long podcastId, PublishedDocument document) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    /** What was served before under each key, kept when the document is dropped: see {@link #dated}. */
    private record Served(String etag, Instant lastModified) {
    }

    private static final int MAX_REMEMBERED = 10_000;

    private final Map<String, Served> previous = new ConcurrentHashMap<>();
    /** Moves on every invalidation, so that a build that overlapped one is not cached. */
    private final AtomicLong generation = new AtomicLong();
    private final AtomicLong reads = new AtomicLong();

    @Inject
    @ConfigProperty(name = "CHAPITRE_FEED_CACHE_MB", defaultValue = "64")
    long budgetMb;

    /** The cached document for {@code key}, or a new one from {@code build} (empty: nothing to publish). */
    public Optional<PublishedDocument> get(String key, Instant now, Supplier<Optional<Built>> build) {
        var entry = entries.get(key);
        if (entry != null && !entry.document.isExpired(now)) {
            entry.lastRead = reads.incrementAndGet();
            return Optional.of(entry.document);
        }
        long before = generation.get();
        var built = build.get();
        if (built.isEmpty()) {
            entries.remove(key);
            return Optional.empty();
        }
        var document = dated(key, built.get().document());
        synchronized (this) {
            if (generation.get() == before) {
                entries.put(key, new Entry(built.get().podcastId(), document, reads.incrementAndGet()));
                if (previous.size() >= MAX_REMEMBERED) {
                    previous.clear(); // many base URLs (Host headers): forgetting only costs full responses
                }
                previous.put(key, new Served(document.etag(), document.lastModified()));
                evictBeyondBudget();
            }
        }
        return Optional.of(document);
    }

    /**
     * Keeps Last-Modified honest: unchanged bytes keep their date; changed bytes are never dated
     * at or before the version a client may hold (deleting an episode, or a re-tag, changes the
     * feed without moving any timestamp in the data).
     */
    private PublishedDocument dated(String key, PublishedDocument fresh) {
        var before = previous.get(key);
        if (before == null) {
            return fresh;
        }
        if (before.etag().equals(fresh.etag())) {
            return fresh.modifiedAt(before.lastModified());
        }
        return fresh.lastModified().isAfter(before.lastModified()) ? fresh : fresh.modifiedAt(before.lastModified().plusSeconds(1));
    }

    public synchronized void invalidate(long podcastId) {
        generation.incrementAndGet();
        entries.values().removeIf(entry -> entry.podcastId == podcastId);
    }

    private void evictBeyondBudget() {
        long budget = budgetMb * 1024 * 1024;
        long used = entries.values().stream().mapToLong(entry -> entry.document.size()).sum();
        while (used > budget && !entries.isEmpty()) {
            var oldest = entries.entrySet().stream().min((a, b) -> Long.compare(a.getValue().lastRead, b.getValue().lastRead)).orElseThrow();
            entries.remove(oldest.getKey());
            used -= oldest.getValue().document.size();
        }
    }

    void episodeChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) EpisodeChanged change) {
        invalidate(change.podcastId());
    }

    void episodeRetagged(@Observes(during = TransactionPhase.AFTER_SUCCESS) EpisodeRetagged retagged) {
        invalidate(retagged.podcastId());
    }

    void showChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) PodcastChanged change) {
        invalidate(change.podcast().id());
    }

    void showRemoved(@Observes(during = TransactionPhase.AFTER_SUCCESS) PodcastRemoval removal) {
        invalidate(removal.podcast().id());
    }
}
