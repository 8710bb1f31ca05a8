package dev.chapitre.web.boundary;

import dev.chapitre.platform.control.RecentlyUsed;
import dev.chapitre.web.control.Views.TranscriptView;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Transcripts laid out for the episode page, kept: a three-hour one is 4,000 cues to read and 700 KB
 * of markup to build, the same for every listener until the episode changes. Keyed by the episode's
 * version (its ETag moves with its transcript, chapters and title), its show's and the address.
 */
@ApplicationScoped
public class ReadAlongViews {

    static final long BUDGET_CHARS = 16L * 1024 * 1024;

    private final RecentlyUsed<TranscriptView> views = new RecentlyUsed<>(BUDGET_CHARS, TranscriptView::size);

    public Optional<TranscriptView> get(String key, Supplier<Optional<TranscriptView>> make) {
        return views.get(key, make);
    }
}
