package dev.chapitre.imports.control;

import dev.chapitre.episodes.control.ShowNotes;
import dev.chapitre.episodes.entity.Episode;
import dev.chapitre.episodes.entity.EpisodeFields;
import dev.chapitre.feeds.control.SourceFeed;
import dev.chapitre.platform.entity.Message;
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
    public static Optional<Mapped<EpisodeFields>> fields(SourceFeed.Item item, List<Message> attention) {
        var title = item.title().map(Mapped::clean);
        if (title.isEmpty()) {
            attention.add(Message.of("imports.item.noTitle"));
            return Optional.empty();
        }
        var kept = title.get();
        if (kept.length() > Episode.MAX_TITLE) {
            attention.add(Message.of("imports.title.shortened", Episode.MAX_TITLE));
            kept = Mapped.cut(kept, Episode.MAX_TITLE);
        }
        var notes = item.notes().map(ShowNotes::sanitize).map(Mapped::clean).orElse(null);
        if (notes != null && notes.length() > Episode.MAX_DESCRIPTION) {
            attention.add(Message.of("imports.notes.shortened", Episode.MAX_DESCRIPTION));
            notes = Mapped.cut(ShowNotes.plainText(notes), Episode.MAX_DESCRIPTION);
        }
        if (item.publishedAt().isEmpty()) {
            attention.add(Message.of("imports.item.noDate"));
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
                attention.add(Message.of("imports.episode.fieldDropped", ReportWords.named("imports.episodeField.", field),
                        violation.reason()));
            }
        }
        return Optional.of(new Mapped<>(Mapped.without(fields, dropped), new ArrayList<>(attention)));
    }
}
