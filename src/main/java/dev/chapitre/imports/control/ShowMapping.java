package dev.chapitre.imports.control;

import dev.chapitre.episodes.control.ShowNotes;
import dev.chapitre.feeds.control.SourceFeed;
import dev.chapitre.platform.entity.Message;
import dev.chapitre.platform.entity.Violations;
import dev.chapitre.podcasts.entity.AppleCategories;
import dev.chapitre.podcasts.entity.Podcast;
import dev.chapitre.podcasts.entity.PodcastFields;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** A foreign feed's channel as a Chapitre show: what fits the show rules is kept, the rest reported. */
public final class ShowMapping {

    private ShowMapping() {
    }

    public static Mapped<PodcastFields> fields(SourceFeed feed) {
        var attention = new ArrayList<Message>();
        var title = Mapped.clean(feed.title());
        if (title != null && title.length() > Podcast.MAX_TITLE) {
            attention.add(Message.of("imports.title.shortened", Podcast.MAX_TITLE));
            title = Mapped.cut(title, Podcast.MAX_TITLE);
        }
        var description = feed.description().map(ShowNotes::plainText).map(Mapped::clean).orElse(null);
        if (description != null && description.length() > Podcast.MAX_DESCRIPTION) {
            attention.add(Message.of("imports.show.description.shortened", Podcast.MAX_DESCRIPTION));
            description = Mapped.cut(description, Podcast.MAX_DESCRIPTION);
        }
        var category = category(feed.categories(), attention);
        var fields = new PodcastFields(null, title, description,
                feed.language().map(language -> language.replace('_', '-')).orElse(null),
                feed.author().map(Mapped::clean).map(a -> Mapped.cut(a, 255)).orElse(null),
                feed.ownerName().map(Mapped::clean).map(a -> Mapped.cut(a, 255)).orElse(null),
                feed.ownerEmail().orElse(null), category.map(c -> c[0]).orElse(null), category.map(c -> c[1]).orElse(null),
                feed.explicit().orElse(null), feed.type().map(type -> type.toLowerCase(Locale.ROOT)).orElse(null),
                feed.link().orElse(null), feed.copyright().map(Mapped::clean).map(c -> Mapped.cut(c, 500)).orElse(null),
                true, feed.medium().orElse(null), PersonMapping.persons(feed.persons(), attention), List.of(), null);
        var violations = new Violations();
        Podcast.check(fields, violations);
        var dropped = new LinkedHashSet<String>();
        for (var violation : violations.list()) {
            var field = Mapped.topField(violation);
            if (field.equals("title")) {
                continue; // required: the import fails with the rule's own message
            }
            if (dropped.add(field)) {
                attention.add(Message.of("imports.show.fieldDropped", ReportWords.named("imports.showField.", field), violation.reason()));
            }
        }
        return new Mapped<>(Mapped.without(fields, dropped), attention);
    }

    /** The first of the feed's categories that is Apple's (with its subcategory when that is Apple's too); the others reported. */
    private static Optional<String[]> category(List<SourceFeed.Category> categories, List<Message> attention) {
        Optional<String[]> kept = Optional.empty();
        for (var written : categories) {
            var apple = AppleCategories.category(written.name());
            if (apple.isEmpty()) {
                attention.add(Message.of("imports.category.notApple", written.name()));
                continue;
            }
            if (kept.isPresent()) {
                attention.add(Message.of("imports.category.onlyOne", written.name(), kept.get()[0]));
                continue;
            }
            var sub = written.subcategory().flatMap(s -> AppleCategories.subcategory(apple.get(), s));
            if (written.subcategory().isPresent() && sub.isEmpty()) {
                attention.add(Message.of("imports.subcategory.notApple", written.subcategory().get(), apple.get()));
            }
            kept = Optional.of(new String[] {apple.get(), sub.orElse(null)});
        }
        return kept;
    }
}
