package dev.chapitre.feeds.boundary;

import dev.chapitre.feeds.control.PublishedDocument;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Transcripts rendered in their published formats, kept by what they are drawn from (the episode's
 * version, which moves with its transcript, chapters and title; the show's last change; the base
 * URL). The published tree rebuilds a whole show on any change to it: without this, a show of a
 * hundred transcribed episodes would render four hundred documents for each new rating of one.
 * Bounded: the least recently used go first.
 */
@ApplicationScoped
public class TranscriptRenditions {

    static final long BUDGET_BYTES = 48L * 1024 * 1024;

    private final LinkedHashMap<String, PublishedDocument> renditions = new LinkedHashMap<>(64, 0.75f, true);
    private long bytes;

    /** The rendition under {@code key}, made by {@code render} when there is none (nothing kept when it gives none). */
    public Optional<PublishedDocument> get(String key, Supplier<Optional<PublishedDocument>> render) {
        synchronized (this) {
            var kept = renditions.get(key);
            if (kept != null) {
                return Optional.of(kept);
            }
        }
        var made = render.get(); // outside the lock: rendering reads the database
        made.ifPresent(document -> keep(key, document));
        return made;
    }

    private synchronized void keep(String key, PublishedDocument document) {
        var previous = renditions.put(key, document);
        bytes += document.size() - (previous == null ? 0 : previous.size());
        var oldest = renditions.entrySet().iterator();
        while (bytes > BUDGET_BYTES && oldest.hasNext()) {
            Map.Entry<String, PublishedDocument> entry = oldest.next();
            bytes -= entry.getValue().size();
            oldest.remove();
        }
    }
}
