package dev.chapitre.imports.control;

import dev.chapitre.episodes.control.ShowNotes;
import dev.chapitre.episodes.entity.Episode;
import dev.chapitre.episodes.entity.EpisodeFields;
import dev.chapitre.feeds.control.SourceFeed;
import dev.chapitre.platform.entity.Violations;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** A foreign feed's item as a Chapitre episode's fields; what breaks a rule is left out and reported. */
public final class EpisodeMapping {

    private EpisodeMapping() {
    }

    /** Empty when the item cannot be an episode (no title); the reason is then the first attention line. */
    public static Optional<Mapped<EpisodeFields>> fields(SourceFeed.Item item, List<String> attention) {
        var title = item.title().map(Mapped::clean);
        if (title.isEmpty()) {
            attention.add("the item has no title");
            return Optional.empty();
        }
        var kept = title.get();
        if (kept.length() > Episode.MAX_TITLE) {
            attention.add("The title was longer than " + Episode.MAX_TITLE + " characters and was shortened.");
            kept = Mapped.cut(kept, Episode.MAX_TITLE);
        }
        var notes = item.notes().map(ShowNotes::sanitize).map(Mapped::clean).orElse(null);
        if (notes != null && notes.length() > Episode.MAX_DESCRIPTION) {
            attention.add("The show notes were longer than " + Episode.MAX_DESCRIPTION + " characters: kept as plain text, shortened.");
            notes = Mapped.cut(ShowNotes.plainText(notes), Episode.MAX_DESCRIPTION);
        }
        if (item.publishedAt().isEmpty()) {
            attention.add("The item has no publication date (pubDate) that can be read: imported as a draft; publish it when ready.");
        }
        var fields = new EpisodeFields(null, kept, notes, item.publishedAt().orElse(null), item.season().orElse(null),
                item.number().orElse(null), item.episodeType().map(type -> type.toLowerCase(Locale.ROOT)).orElse(null),
                item.explicit().orElse(null), item.imageUrl().orElse(null),
                PersonMapping.persons(item.persons(), attention));
        var violations = new Violations();
        Episode.check(fields, violations);
        var dropped = new LinkedHashSet<String>();
        for (var violation : violations.list()) {
            var field = Mapped.topField(violation);
            if (dropped.add(field)) {
                attention.add("The " + field + " was not kept: it " + violation.reason().toString() + "."); // stored: English
            }
        }
        return Optional.of(new Mapped<>(Mapped.without(fields, dropped), new ArrayList<>(attention)));
    }
}
