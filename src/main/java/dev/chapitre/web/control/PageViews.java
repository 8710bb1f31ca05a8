package dev.chapitre.web.control;

import dev.chapitre.chapters.entity.ChapterTime;
import dev.chapitre.episodes.control.ShowNotes;
import dev.chapitre.episodes.entity.Episode;
import dev.chapitre.platform.control.PublicPaths;
import dev.chapitre.podcasts.entity.Podcast;
import dev.chapitre.ratings.entity.Rating;
import dev.chapitre.transcripts.boundary.StoredTranscript;
import dev.chapitre.web.control.Views.ChapterItem;
import dev.chapitre.web.control.Views.CommentItem;
import dev.chapitre.web.control.Views.CommentsView;
import dev.chapitre.web.control.Views.EpisodeItem;
import dev.chapitre.web.control.Views.EpisodePage;
import dev.chapitre.web.control.Views.Link;
import dev.chapitre.web.control.Views.PersonItem;
import dev.chapitre.web.control.Views.RatingView;
import dev.chapitre.web.control.Views.ShowCard;
import dev.chapitre.web.control.Views.ShowPage;
import dev.chapitre.web.control.Views.TranscriptView;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.IntStream;

/** Shows and episodes turned into what their pages display, with their schema.org JSON-LD. */
public final class PageViews {

    private static final int SUMMARY_CHARACTERS = 300;

    private final String base;
    private final Formats formats;

    public PageViews(String base, Locale locale) {
        this.base = base;
        this.formats = new Formats(locale);
    }

    public ShowCard card(Podcast podcast, double average, long count) {
        var fields = podcast.fields();
        return new ShowCard(podcast.slug(), podcast.title(), Optional.ofNullable(fields.author()).orElse(""),
                podcast.artwork().map(art -> base + PublicPaths.artwork(podcast.slug(), art.extension())).orElse(""),
                summary(Optional.ofNullable(fields.description()).orElse("")), base + PublicPaths.showPage(podcast.slug()),
                base + PublicPaths.feed(podcast.slug()), rating(average, count));
    }

    public ShowPage showPage(ShowCard show, Podcast podcast, List<Episode> episodes, int page, int pageCount, CommentsView comments) {
        var feed = base + PublicPaths.feed(podcast.slug());
        var series = series(show, feed);
        addRating(series, show.rating());
        return new ShowPage(show, ShowNotes.sanitize(Optional.ofNullable(podcast.fields().description()).orElse("")), feed,
                subscribeLinks(feed), items(episodes), page, pageCount, jsonLd(series.add("@context", "https://schema.org")), comments);
    }

    public EpisodePage episodePage(ShowCard show, Episode episode, List<Episode> others, double average, long count,
                                   TranscriptView transcript, CommentsView comments) {
        var podcast = episode.podcast();
        var feed = base + PublicPaths.feed(podcast.slug());
        var url = base + PublicPaths.episodePage(podcast.slug(), episode.slug());
        var audio = base + PublicPaths.audio(podcast.slug(), episode.slug());
        var notes = Optional.ofNullable(episode.fields().description()).orElse("");
        var chapters = episode.publicChapters(base);
        var chapterItems = IntStream.range(0, chapters.size()).mapToObj(i -> {
            var chapter = chapters.get(i);
            // Only images stored here: the page's Content-Security-Policy allows no other host, and a
            // listener's visit is told to no third party.
            var image = chapter.imageKey().isPresent() ? chapter.img().orElse("") : "";
            return new ChapterItem(i + 1, ChapterTime.toSeconds(chapter.startMs()), Formats.clock(chapter.startMs()),
                    chapter.title(), chapter.url().orElse(""), image);
        }).toList();
        var persons = episode.persons().isEmpty() ? podcast.fields().persons() : episode.persons();
        var rating = rating(average, count);
        var published = episode.publishedAt().orElseThrow();
        var json = Json.createObjectBuilder().add("@context", "https://schema.org").add("@type", "PodcastEpisode")
                .add("name", episode.title()).add("url", url).add("datePublished", published.toString())
                .add("description", summary(notes)).add("timeRequired", Formats.isoDuration(episode.audio().durationMs()))
                .add("associatedMedia", Json.createObjectBuilder().add("@type", "MediaObject").add("contentUrl", audio)
                        .add("encodingFormat", "audio/mpeg"))
                .add("partOfSeries", series(show, feed));
        addRating(json, rating);
        return new EpisodePage(show, feed, episode.slug(), episode.title(), formats.date(published), published.toString(),
                formats.duration(episode.audio().durationMs()), audio, Optional.ofNullable(episode.fields().image()).orElse(show.artworkUrl()),
                ShowNotes.sanitize(notes), summary(notes), chapterItems,
                persons.stream().map(p -> new PersonItem(p.name(), capitalized(p.role()), p.href().orElse(""))).toList(),
                items(others), rating, url, jsonLd(json), transcript, comments);
    }

    /** The episode's transcript, read in the caller's transaction (its cues load lazily). */
    /** The address pages are built for: what they link to depends on it. */
    public String base() {
        return base;
    }

    public TranscriptView transcript(Episode episode, StoredTranscript transcript) {
        return TranscriptViews.of(base, episode, transcript);
    }

    public List<EpisodeItem> items(List<Episode> episodes) {
        return episodes.stream().map(e -> {
            var published = e.publishedAt().orElseThrow();
            return new EpisodeItem(e.slug(), e.title(), formats.date(published), published.toString(),
                    formats.duration(e.audio().durationMs()), base + PublicPaths.episodePage(e.podcast().slug(), e.slug()));
        }).toList();
    }

    /** One page of published comments, {@code page} of {@code pageCount}, out of {@code count}. */
    public CommentsView comments(List<Rating> ratings, int page, int pageCount, long count) {
        return new CommentsView(ratings.stream().map(rating -> new CommentItem(rating.stars(), rating.comment().orElse(""),
                formats.date(rating.updatedAt()), rating.updatedAt().toString())).toList(), page, pageCount, count);
    }

    public RatingView rating(double average, long count) {
        return new RatingView(count == 0 ? "" : formats.average(average), average, count);
    }

    /** Where each app's own URL scheme (or web link) opens the subscription. */
    static List<Link> subscribeLinks(String feed) {
        var withoutScheme = feed.replaceFirst("^https?://", "");
        var encoded = URLEncoder.encode(feed, StandardCharsets.UTF_8);
        return List.of(new Link("Apple Podcasts", "podcast://" + withoutScheme),
                new Link("Overcast", "overcast://x-callback-url/add?url=" + encoded),
                new Link("Pocket Casts", "pktc://subscribe/" + withoutScheme),
                new Link("AntennaPod", "https://antennapod.org/deeplink/subscribe?url=" + encoded));
    }

    private JsonObjectBuilder series(ShowCard show, String feed) {
        var json = Json.createObjectBuilder().add("@type", "PodcastSeries").add("name", show.title()).add("url", show.url())
                .add("webFeed", feed);
        if (!show.summary().isEmpty()) {
            json.add("description", show.summary());
        }
        if (!show.artworkUrl().isEmpty()) {
            json.add("image", show.artworkUrl());
        }
        if (!show.author().isEmpty()) {
            json.add("author", Json.createObjectBuilder().add("@type", "Person").add("name", show.author()));
        }
        return json;
    }

    private static void addRating(JsonObjectBuilder json, RatingView rating) {
        if (rating.count() > 0) {
            json.add("aggregateRating", Json.createObjectBuilder().add("@type", "AggregateRating")
                    .add("ratingValue", Math.round(rating.value() * 100) / 100.0).add("ratingCount", rating.count())
                    .add("bestRating", 5).add("worstRating", 1));
        }
    }

    /** Safe inside a script element: "<" never appears, so no "</script>" can close it early. */
    private static String jsonLd(JsonObjectBuilder json) {
        return json.build().toString().replace("<", "\\u003c");
    }

    private static String summary(String html) {
        var text = ShowNotes.plainText(html).strip();
        if (text.length() <= SUMMARY_CHARACTERS) {
            return text;
        }
        int space = text.lastIndexOf(' ', SUMMARY_CHARACTERS);
        return text.substring(0, space > 0 ? space : SUMMARY_CHARACTERS).strip() + "…";
    }

    private static String capitalized(String role) {
        return role.isEmpty() ? role : role.substring(0, 1).toUpperCase(Locale.ROOT) + role.substring(1);
    }
}
