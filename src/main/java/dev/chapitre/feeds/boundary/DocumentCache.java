package dev.chapitre.feeds.boundary;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import dev.chapitre.episodes.boundary.EpisodeChanged;
import dev.chapitre.feeds.control.PublishedDocument;
import dev.chapitre.platform.boundary.ClusterChanges;
import dev.chapitre.platform.entity.ChangedElsewhere;
import dev.chapitre.platform.entity.MembersChanged;
import dev.chapitre.podcasts.boundary.PodcastChanged;
import dev.chapitre.podcasts.boundary.PodcastRemoval;
import dev.chapitre.retagging.boundary.EpisodeRetagged;
import dev.chapitre.transcripts.boundary.TranscriptChanged;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Feeds, chapter files and transcripts, built once per change and then served from memory. Any committed
 * change to a show, its episodes, chapters, transcripts or audio drops that show's documents; a document
 * also expires when its next scheduled episode is due. Memory is bounded: past the budget, the
 * documents read least recently are dropped (they are rebuilt on demand).
 * <p>
 * In a cluster every instance keeps its own documents: a change committed here is announced to the
 * others, which drop theirs ({@link ChangedElsewhere}); when an instance joins or leaves, an
 * announcement may have been lost, so all are dropped. What was served under each address (its
 * ETag and date) is shared through the data grid, so every instance dates the same bytes alike.
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

    /**
     * What was served before under each key ("etag date-in-millis"), kept when the document is
     * dropped (see {@link #dated}), shared by the instances; forgotten after {@link #REMEMBERED_DAYS}
     * without a rebuild, which only costs clients a full response.
     */
    static final String SERVED = "chapitre.feeds.served";
    private static final long REMEMBERED_DAYS = 30;

    @Inject
    HazelcastInstance grid;

    @Inject
    ClusterChanges cluster;

    private IMap<String, String> previous;
    /** Moves on every invalidation, so that a build that overlapped one is not cached. */
    private final AtomicLong generation = new AtomicLong();
    private final AtomicLong reads = new AtomicLong();

    @Inject
    @ConfigProperty(name = "CHAPITRE_FEED_CACHE_MB", defaultValue = "64")
    long budgetMb;

    @PostConstruct
    void openSharedDates() {
        previous = grid.getMap(SERVED);
    }

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
        remember(key, document);
        synchronized (this) {
            if (generation.get() == before) {
                entries.put(key, new Entry(built.get().podcastId(), document, reads.incrementAndGet()));
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
        var before = served(key);
        if (before.isEmpty()) {
            return fresh;
        }
        var lastModified = before.get().lastModified();
        if (before.get().etag().equals(fresh.etag())) {
            return fresh.modifiedAt(lastModified);
        }
        return fresh.lastModified().isAfter(lastModified) ? fresh : fresh.modifiedAt(lastModified.plusSeconds(1));
    }

    private record Served(String etag, Instant lastModified) {
    }

    private Optional<Served> served(String key) {
        return Optional.ofNullable(previous.get(key)).map(text -> {
            int space = text.lastIndexOf(' ');
            return new Served(text.substring(0, space), Instant.ofEpochMilli(Long.parseLong(text.substring(space + 1))));
        });
    }

    private void remember(String key, PublishedDocument document) {
        previous.set(key, document.etag() + " " + document.lastModified().toEpochMilli(), REMEMBERED_DAYS, TimeUnit.DAYS);
    }

    public synchronized void invalidate(long podcastId) {
        generation.incrementAndGet();
        entries.values().removeIf(entry -> entry.podcastId == podcastId);
    }

    private synchronized void invalidateAll() {
        generation.incrementAndGet();
        entries.clear();
    }

    /** Here, and on the other instances of the cluster. */
    private void changed(long podcastId) {
        invalidate(podcastId);
        cluster.announce(podcastId);
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
        changed(change.podcastId());
    }

    void transcriptChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) TranscriptChanged change) {
        changed(change.podcastId());
    }

    void episodeRetagged(@Observes(during = TransactionPhase.AFTER_SUCCESS) EpisodeRetagged retagged) {
        changed(retagged.podcastId());
    }

    void showChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) PodcastChanged change) {
        changed(change.podcast().id());
    }

    void showRemoved(@Observes(during = TransactionPhase.AFTER_SUCCESS) PodcastRemoval removal) {
        changed(removal.podcast().id());
    }

    void changedElsewhere(@Observes ChangedElsewhere change) {
        invalidate(change.podcastId());
    }

    void membersChanged(@Observes MembersChanged change) {
        invalidateAll();
    }
}
