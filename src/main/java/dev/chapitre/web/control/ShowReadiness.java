package dev.chapitre.web.control;

import dev.chapitre.podcasts.entity.Podcast;
import dev.chapitre.web.control.StudioViews.EpisodeRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What Apple Podcasts and Spotify check before they list a show, item by item, each with the place
 * in the studio that fixes it: a producer submits the feed once it is all met, rather than learning
 * of a refusal days later. (The feed's own form, such as image sizes, is the feed writer's.)
 */
public final class ShowReadiness {

    /**
     * One requirement: met or not, and where to fix it ({@code href}: an address on the show's page,
     * or empty for a hint). Its words are the studio bundle's {@code readiness.{key}} (the requirement)
     * and {@code readiness.{key}.fix}.
     */
    public record Item(String key, String who, boolean met, String href) {
    }

    private ShowReadiness() {
    }

    public static List<Item> of(Podcast show, List<EpisodeRow> episodes, String feedUrl) {
        var fields = show.fields();
        var items = new ArrayList<Item>();
        items.add(new Item("artwork", "Apple, Spotify", show.artwork().isPresent(), "#artwork"));
        items.add(new Item("description", "Apple, Spotify", filled(fields.description()), "#f-description"));
        items.add(new Item("category", "Apple, Spotify", filled(fields.category()), "#f-category"));
        items.add(new Item("language", "Apple, Spotify", filled(fields.language()), "#f-language"));
        items.add(new Item("author", "Apple, Spotify", filled(fields.author()), "#f-author"));
        items.add(new Item("ownerEmail", "Apple, Spotify", filled(fields.ownerEmail()), "#f-ownerEmail"));
        // the feed always says it (no when the producer did not tick it): shown so that a wrong "no" is seen
        items.add(new Item(Boolean.TRUE.equals(fields.explicit()) ? "explicitYes" : "explicitNo", "Apple", true, "#f-explicit"));
        items.add(new Item("episode", "Apple, Spotify",
                episodes.stream().anyMatch(episode -> episode.status().equals("published")), "#episodes-heading"));
        items.add(new Item("https", "Apple, Spotify", feedUrl.startsWith("https://"), ""));
        return items;
    }

    /** Every requirement met: the feed can be submitted. */
    public static boolean ready(List<Item> items) {
        return items.stream().allMatch(Item::met);
    }

    private static boolean filled(String value) {
        return Optional.ofNullable(value).filter(text -> !text.isBlank()).isPresent();
    }
}
