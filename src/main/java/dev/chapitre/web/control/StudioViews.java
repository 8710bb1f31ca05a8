package dev.chapitre.web.control;

import dev.chapitre.episodes.entity.Episode;
import dev.chapitre.platform.boundary.PublicUrls;
import dev.chapitre.platform.control.PublicPaths;
import dev.chapitre.podcasts.boundary.PodcastJson;
import dev.chapitre.podcasts.entity.Podcast;
import dev.chapitre.podcasts.entity.ShowMember;
import dev.chapitre.ratings.entity.Rating;
import dev.chapitre.security.entity.Producer;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
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

    /**
     * A listener's comment in the moderation list: {@code episodeSlug} empty when the show itself was
     * rated; {@code held} when its stars wait for review too (the address sent more than its allowance).
     */
    public record CommentRow(long id, int stars, String text, String episodeSlug, String episodeTitle, String updatedAt,
                             boolean held) {
    }

    public static CommentRow comment(Rating rating, Map<Long, String> episodeSlugs, Map<String, String> episodeTitles) {
        var slug = rating.episodeId().map(episodeSlugs::get).orElse("");
        return new CommentRow(rating.id(), rating.stars(), rating.comment().orElse(""), slug, episodeTitles.getOrDefault(slug, ""),
                rating.updatedAt().toString(), rating.state() == Rating.State.HELD);
    }

    /** The moderation states as the studio's addresses name them: awaiting, published, hidden. */
    public static String name(Rating.CommentState state) {
        return state.name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Rating.CommentState> commentState(String name) {
        return Arrays.stream(Rating.CommentState.values()).filter(state -> name(state).equals(name)).findFirst();
    }

    public static Map<String, Long> commentCounts(Map<Rating.CommentState, Long> counts) {
        var named = new LinkedHashMap<String, Long>();
        counts.forEach((state, count) -> named.put(name(state), count));
        return named;
    }

    /** One of a show's team: {@code role} "owner" or "editor"; {@code invited} until they accept. */
    public record TeamRow(long producerId, String name, String email, String role, boolean invited) {
    }

    /** The owner first, then the others in the order they were invited. */
    public static List<TeamRow> team(Podcast podcast) {
        var rows = new ArrayList<TeamRow>();
        rows.add(new TeamRow(podcast.owner().id(), podcast.owner().name(), podcast.owner().email(), "owner", false));
        podcast.members().forEach(member -> rows.add(new TeamRow(member.producer().id(), member.producer().name(),
                member.producer().email(), member.role().name().toLowerCase(Locale.ROOT), !member.isAccepted())));
        return rows;
    }

    /** {@code invitedBy}: empty once the inviting producer's account is gone. */
    public record InvitationRow(String slug, String title, String invitedBy) {
    }

    public static InvitationRow invitation(ShowMember member) {
        return new InvitationRow(member.podcast().slug(), member.podcast().title(),
                member.invitedBy().map(Producer::name).orElse(""));
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
