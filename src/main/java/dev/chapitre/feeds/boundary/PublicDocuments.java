package dev.chapitre.feeds.boundary;

import dev.chapitre.episodes.boundary.PublicCatalog;
import dev.chapitre.episodes.entity.Episode;
import dev.chapitre.feeds.control.ChaptersDocument;
import dev.chapitre.feeds.control.FeedWriter;
import dev.chapitre.feeds.control.PublishedDocument;
import dev.chapitre.platform.control.PublicPaths;
import dev.chapitre.podcasts.entity.Podcast;
import dev.chapitre.transcripts.boundary.PublicTranscripts;
import dev.chapitre.transcripts.control.PublishedFormat;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** Builds what the public may read about a show: its feed and its episodes' chapter files, from {@link PublicCatalog}. */
@Stateless
@PermitAll
public class PublicDocuments {

    @Inject
    PublicCatalog catalog;

    @Inject
    PublicTranscripts transcripts;

    @Inject
    TranscriptRenditions renditions;

    /**
     * Everything the public may read of one show at {@code now}, from one read of its episodes: the
     * feed, each public episode's chapter file and stored MP3 (by episode slug), its transcript in
     * every published format (by public path), the stored artwork,
     * and when that changes by itself (the next scheduled episode).
     */
    public record ShowEdition(long podcastId, String slug, PublishedDocument feed, Map<String, PublishedDocument> chapters,
                              Map<String, PublishedDocument> transcripts, Map<String, String> audioKeys,
                              Optional<StoredArtwork> artwork, Optional<Instant> nextPublication) {
    }

    /** A show's artwork as stored: its media key and the extension of its public address. */
    public record StoredArtwork(String key, String extension) {
    }

    public Optional<DocumentCache.Built> feed(String podcastSlug, String baseUrl, Instant now) {
        return catalog.show(podcastSlug).map(podcast -> {
            var episodes = catalog.allEpisodes(podcast, now);
            return new DocumentCache.Built(podcast.id(), feed(podcast, episodes, baseUrl, now));
        });
    }

    /** The episode's transcript in {@code format}, when the episode is public and has one. */
    public Optional<DocumentCache.Built> transcript(String podcastSlug, String episodeSlug, PublishedFormat format, String baseUrl,
                                                   Instant now) {
        return catalog.episode(podcastSlug, episodeSlug, now).flatMap(episode -> Optional.ofNullable(transcripts(episode, baseUrl).get(format))
                .map(document -> new DocumentCache.Built(episode.podcast().id(), document)));
    }

    public Optional<DocumentCache.Built> chapters(String podcastSlug, String episodeSlug, String baseUrl, Instant now) {
        return catalog.episode(podcastSlug, episodeSlug, now)
                .map(episode -> new DocumentCache.Built(episode.podcast().id(), chapters(episode, baseUrl)));
    }

    /** Empty when the show no longer exists. */
    public Optional<ShowEdition> edition(long podcastId, String baseUrl, Instant now) {
        return catalog.show(podcastId).map(podcast -> {
            var episodes = catalog.allEpisodes(podcast, now);
            var chapters = new LinkedHashMap<String, PublishedDocument>();
            var transcripts = new LinkedHashMap<String, PublishedDocument>();
            var audio = new LinkedHashMap<String, String>();
            for (var episode : episodes) {
                chapters.put(episode.slug(), chapters(episode, baseUrl));
                transcripts(episode, baseUrl).forEach((format, document) -> transcripts.put(
                        PublicPaths.transcript(podcast.slug(), episode.slug(), format.extension()), document));
                audio.put(episode.slug(), episode.audio().key());
            }
            var feed = feed(podcast, episodes, baseUrl, now);
            return new ShowEdition(podcast.id(), podcast.slug(), feed, chapters, transcripts, audio,
                    podcast.artwork().map(art -> new StoredArtwork(art.key(), art.extension())), feed.expires());
        });
    }

    /** The slug of every show: what the published tree may hold and nothing else. */
    public List<ShowName> showNames() {
        return catalog.shows().stream().map(podcast -> new ShowName(podcast.id(), podcast.slug())).toList();
    }

    public record ShowName(long podcastId, String slug) {
    }

    private PublishedDocument feed(Podcast podcast, List<Episode> episodes, String baseUrl, Instant now) {
        var lastModified = Stream.concat(Stream.of(podcast.updatedAt()),
                episodes.stream().flatMap(e -> Stream.of(e.updatedAt(), e.publishedAt().orElseThrow())))
                .max(Instant::compareTo).orElseThrow();
        var bytes = FeedWriter.write(podcast, episodes, baseUrl);
        return PublishedDocument.of(FeedWriter.MEDIA_TYPE, bytes, lastModified, catalog.nextPublication(podcast, now))
                .movedTo(podcast.redirectTo());
    }

    /** The episode's transcript in every published format, rendered (from one read of its cues) only when not kept already. */
    private Map<PublishedFormat, PublishedDocument> transcripts(Episode episode, String baseUrl) {
        var documents = new EnumMap<PublishedFormat, PublishedDocument>(PublishedFormat.class);
        if (episode.transcriptLanguage().isEmpty()) {
            return documents;
        }
        var podcast = episode.podcast();
        var pageUrl = baseUrl + PublicPaths.episodePage(podcast.slug(), episode.slug());
        var lastModified = podcast.updatedAt().isAfter(episode.updatedAt()) ? podcast.updatedAt() : episode.updatedAt();
        var rendered = new HashMap<PublishedFormat, byte[]>();
        for (var format : PublishedFormat.values()) {
            renditions.get(String.join(" ", String.valueOf(episode.id()), format.extension(), episode.etag(), podcast.updatedAt().toString(), pageUrl),
                    () -> {
                        if (rendered.isEmpty()) {
                            rendered.putAll(this.transcripts.render(episode, pageUrl));
                        }
                        return Optional.ofNullable(rendered.get(format))
                                .map(bytes -> PublishedDocument.of(format.contentType(), bytes, lastModified, Optional.empty()));
                    })
                    .ifPresent(document -> documents.put(format, document));
        }
        return documents;
    }

    private static PublishedDocument chapters(Episode episode, String baseUrl) {
        var podcast = episode.podcast();
        var lastModified = podcast.updatedAt().isAfter(episode.updatedAt()) ? podcast.updatedAt() : episode.updatedAt();
        return PublishedDocument.of(ChaptersDocument.MEDIA_TYPE, ChaptersDocument.write(episode, baseUrl), lastModified, Optional.empty());
    }
}
