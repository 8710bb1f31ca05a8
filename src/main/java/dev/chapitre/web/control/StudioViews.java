package dev.chapitre.web.control;

import dev.chapitre.episodes.entity.Episode;
import dev.chapitre.platform.boundary.PublicUrls;
import dev.chapitre.platform.control.PublicPaths;
import dev.chapitre.podcasts.boundary.PodcastJson;
import dev.chapitre.podcasts.entity.Podcast;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.Locale;

/** What the studio's pages list, prepared for the JSPs (which only place and escape the values). */
public final class StudioViews {

    private StudioViews() {
    }

    /** {@code language}: the show's, what a transcript is in unless the producer says otherwise. */
    public record ShowRow(String slug, String title, String feedUrl, String imageUrl, String publicUrl, String language) {
    }

    /**
     * {@code status}: draft, scheduled or published; {@code when}: its ISO instant (empty for a
     * draft); {@code tagging}: tagged, tagging (the MP3 is being rewritten) or failed.
     */
    public record EpisodeRow(String slug, String title, String status, String when, String tagging, String tagError,
                             int chapterCount, long durationMs) {
    }

    public static ShowRow show(Podcast podcast, PublicUrls urls) {
        return new ShowRow(podcast.slug(), podcast.title(), PodcastJson.feedUrl(urls, podcast.slug()),
                podcast.artwork().map(art -> urls.of(PublicPaths.artwork(podcast.slug(), art.extension()))).orElse(""),
                urls.of("/podcasts/" + podcast.slug()), podcast.fields().language());
    }

    public static EpisodeRow episode(Episode episode, Instant now) {
        var error = episode.audio().tagError();
        var tagging = episode.isTagged() ? "tagged" : error.isPresent() ? "failed" : "tagging";
        return new EpisodeRow(episode.slug(), episode.title(), episode.status(now).name().toLowerCase(Locale.ROOT),
                episode.publishedAt().map(Instant::toString).orElse(""), tagging, error.orElse(""),
                episode.chapters().size(), episode.audio().durationMs());
    }

    /**
     * JSON to embed in a page's {@code <script type="application/json">}: every {@code <} escaped,
     * so no text in it (a title with "</script>") can end the element.
     */
    public static String json(JsonObject json) {
        return json.toString().replace("<", "\\u003c");
    }
}
