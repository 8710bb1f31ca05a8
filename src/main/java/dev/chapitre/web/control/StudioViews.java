package dev.chapitre.web.control;

import dev.chapitre.episodes.entity.Episode;
import dev.chapitre.platform.boundary.PublicUrls;
import dev.chapitre.platform.control.PublicPaths;
import dev.chapitre.podcasts.boundary.PodcastJson;
import dev.chapitre.podcasts.entity.Podcast;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** What the studio's pages list, prepared for the JSPs (which only place and escape the values). */
public final class StudioViews {

    private StudioViews() {
    }

    /** A language to choose for a show: its tag, and its name as its speakers write it ("français (Canada)"). */
    public record Language(String tag, String name) {
        static Language of(String tag) {
            var locale = Locale.forLanguageTag(tag);
            var name = locale.getDisplayName(locale);
            return new Language(tag, name.substring(0, 1).toUpperCase(locale) + name.substring(1));
        }
    }

    /** The languages most podcasts are in, offered first; any other BCP 47 tag can still be typed. */
    public static final List<Language> LANGUAGES = Stream.of("fr", "fr-FR", "fr-CA", "fr-BE", "fr-CH", "en", "en-US", "en-GB",
            "de", "es", "it", "pt", "pt-BR", "nl", "ca", "br", "oc", "eu", "ar", "zh", "ja").map(Language::of).toList();

    /** {@code language}: the show's, what a transcript is in unless the producer says otherwise. */
    public record ShowRow(String slug, String title, String feedUrl, String imageUrl, String publicUrl, String language) {
    }

    /**
     * {@code status}: draft, scheduled or published; {@code when}: its ISO instant (empty for a
     * draft); {@code tagging}: tagged, tagging (the MP3 is being rewritten) or failed; whether a
     * transcript goes with it (a deletion says so).
     */
    public record EpisodeRow(String slug, String title, String status, String when, String tagging, String tagError,
                             int chapterCount, long durationMs, boolean hasTranscript) {
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
                episode.chapters().size(), episode.audio().durationMs(), episode.transcriptLanguage().isPresent());
    }

    /**
     * JSON to embed in a page's {@code <script type="application/json">}: every {@code <} escaped,
     * so no text in it (a title with "</script>") can end the element.
     */
    public static String json(JsonObject json) {
        return json.toString().replace("<", "\\u003c");
    }
}
