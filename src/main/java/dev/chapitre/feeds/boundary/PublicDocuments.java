package dev.chapitre.feeds.boundary;

import dev.chapitre.episodes.boundary.PublicCatalog;
import dev.chapitre.feeds.control.ChaptersDocument;
import dev.chapitre.feeds.control.FeedWriter;
import dev.chapitre.feeds.control.PublishedDocument;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;

/** Builds what the public may read about a show: its feed and its episodes' chapter files, from {@link PublicCatalog}. */
@Stateless
@PermitAll
public class PublicDocuments {

    @Inject
    PublicCatalog catalog;

    public Optional<DocumentCache.Built> feed(String podcastSlug, String baseUrl, Instant now) {
        return catalog.show(podcastSlug).map(podcast -> {
            var episodes = catalog.allEpisodes(podcast, now);
            var next = catalog.nextPublication(podcast, now);
            var lastModified = Stream.concat(Stream.of(podcast.updatedAt()),
                    episodes.stream().flatMap(e -> Stream.of(e.updatedAt(), e.publishedAt().orElseThrow())))
                    .max(Instant::compareTo).orElseThrow();
            var bytes = FeedWriter.write(podcast, episodes, baseUrl);
            return new DocumentCache.Built(podcast.id(), PublishedDocument.of(FeedWriter.MEDIA_TYPE, bytes, lastModified, next));
        });
    }

    public Optional<DocumentCache.Built> chapters(String podcastSlug, String episodeSlug, Instant now) {
        return catalog.episode(podcastSlug, episodeSlug, now)
                .map(episode -> {
                    var podcast = episode.podcast();
                    var lastModified = podcast.updatedAt().isAfter(episode.updatedAt()) ? podcast.updatedAt() : episode.updatedAt();
                    return new DocumentCache.Built(podcast.id(), PublishedDocument.of(ChaptersDocument.MEDIA_TYPE,
                            ChaptersDocument.write(episode), lastModified, Optional.empty()));
                });
    }
}
