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

    /** One requirement: met or not, and where to fix it ({@code fix}: an address on the show's page, or a hint). */
    public record Item(String requirement, String who, boolean met, String fix, String href) {
    }

    private ShowReadiness() {
    }

    public static List<Item> of(Podcast show, List<EpisodeRow> episodes, String feedUrl) {
        var fields = show.fields();
        var items = new ArrayList<Item>();
        items.add(new Item("Artwork: a square JPEG or PNG of 1400 to 3000 pixels", "Apple, Spotify", show.artwork().isPresent(),
                "Upload the artwork", "#artwork"));
        items.add(new Item("A description of the show", "Apple, Spotify", filled(fields.description()), "Write the description", "#f-description"));
        items.add(new Item("A category from Apple's list", "Apple, Spotify", filled(fields.category()), "Choose the category", "#f-category"));
        items.add(new Item("The language", "Apple, Spotify", filled(fields.language()), "Choose the language", "#f-language"));
        items.add(new Item("The author shown under the title", "Apple, Spotify", filled(fields.author()), "Name the author", "#f-author"));
        items.add(new Item("The owner's email, where directories send the ownership check", "Apple, Spotify",
                filled(fields.ownerEmail()), "Give the owner's email", "#f-ownerEmail"));
        // the feed always says it (no when the producer did not tick it): shown so that a wrong "no" is seen
        items.add(new Item("Explicit content said: the feed says " + (Boolean.TRUE.equals(fields.explicit()) ? "yes" : "no"), "Apple",
                true, "Tick or untick Explicit content", "#f-explicit"));
        items.add(new Item("At least one published episode", "Apple, Spotify",
                episodes.stream().anyMatch(episode -> episode.status().equals("published")), "Publish an episode", "#episodes-heading"));
        items.add(new Item("The feed served over HTTPS", "Apple, Spotify", feedUrl.startsWith("https://"),
                "Serve Chapitre behind HTTPS and set CHAPITRE_BASE_URL to its https:// address (docs/operations.md)", ""));
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
