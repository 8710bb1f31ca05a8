package dev.chapitre.downloads.boundary;

import dev.chapitre.media.control.MediaRetired;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Public media lookups, remembered for a few seconds: podcast apps send many range requests for
 * one file, and audio must still be served when the database is briefly unreachable (the last
 * answer is used then). A change of publication shows within {@link #FRESH}; a new version of a
 * file at once on this instance ({@link MediaRetired}).
 */
@ApplicationScoped
public class MediaDirectory {

    static final Duration FRESH = Duration.ofSeconds(5);
    private static final Logger LOG = Logger.getLogger(MediaDirectory.class.getName());

    private record Entry(Optional<PublicMedia.Item> item, long fetchedAt) {
    }

    @Inject
    PublicMedia media;

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    public Optional<PublicMedia.Item> episodeAudio(String podcast, String episode) {
        return cached("e/" + podcast + "/" + episode, () -> media.episodeAudio(podcast, episode));
    }

    public Optional<PublicMedia.Item> chapterImage(String key) {
        return cached("c/" + key, () -> media.chapterImage(key));
    }

    public Optional<PublicMedia.Item> artwork(String podcast) {
        return cached("a/" + podcast, () -> media.artwork(podcast));
    }

    /** A re-tag or a replacement names a new version: the next request looks it up, not in 5 s. */
    void forget(@Observes(during = TransactionPhase.AFTER_SUCCESS) MediaRetired retired) {
        entries.values().removeIf(entry -> entry.item().filter(item -> item.key().equals(retired.key())).isPresent());
    }

    private Optional<PublicMedia.Item> cached(String key, Supplier<Optional<PublicMedia.Item>> lookup) {
        long now = System.nanoTime();
        var entry = entries.get(key);
        if (entry != null && now - entry.fetchedAt() < FRESH.toNanos()) {
            return entry.item();
        }
        try {
            var item = lookup.get();
            if (entries.size() > 100_000) {
                entries.clear(); // a bound, not an LRU: misses only cost a query
            }
            entries.put(key, new Entry(item, now));
            return item;
        } catch (RuntimeException databaseDown) {
            if (entry != null) {
                LOG.warning(() -> "Serving " + key + " from the last known answer: " + databaseDown.getMessage());
                return entry.item();
            }
            throw databaseDown;
        }
    }
}
