package dev.chapitre.feeds.boundary;

import dev.chapitre.feeds.control.PublishedDocument;
import dev.chapitre.platform.control.RecentlyUsed;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Transcripts rendered in their published formats, kept by what they are drawn from (the episode's
 * version, which moves with its transcript, chapters and title; the show's last change; the base
 * URL). The published tree rebuilds a whole show on any change to it: without this, a show of a
 * hundred transcribed episodes would render four hundred documents for each new rating of one.
 */
@ApplicationScoped
public class TranscriptRenditions {

    static final long BUDGET_BYTES = 48L * 1024 * 1024;

    private final RecentlyUsed<PublishedDocument> renditions = new RecentlyUsed<>(BUDGET_BYTES, PublishedDocument::size);

    /** The rendition under {@code key}, made by {@code render} when there is none. */
    public Optional<PublishedDocument> get(String key, Supplier<Optional<PublishedDocument>> render) {
        return renditions.get(key, render);
    }
}
