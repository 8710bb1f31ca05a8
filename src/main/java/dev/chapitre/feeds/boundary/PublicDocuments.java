package dev.chapitre.feeds.boundary;

import dev.chapitre.episodes.entity.Episode;
import dev.chapitre.feeds.control.ChaptersDocument;
import dev.chapitre.feeds.control.FeedWriter;
import dev.chapitre.feeds.control.PublishedDocument;
import dev.chapitre.podcasts.entity.Podcast;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Builds what the public may read about a show: its feed and its episodes' chapter files. Published episodes only. */
@Stateless
@PermitAll
public class PublicDocuments {

    @PersistenceContext
    EntityManager em;

    public Optional<DocumentCache.Built> feed(String podcastSlug, String baseUrl, Instant now) {
        return podcast(podcastSlug).map(podcast -> {
            var episodes = published(podcast, now);
            var next = em.createNamedQuery(Episode.NEXT_SCHEDULED, Instant.class).setParameter("podcast", podcast)
                    .setParameter("now", now).getResultStream().filter(at -> at != null).findFirst();
            var lastModified = Stream.concat(Stream.of(podcast.updatedAt()),
                    episodes.stream().flatMap(e -> Stream.of(e.updatedAt(), e.publishedAt().orElseThrow())))
                    .max(Instant::compareTo).orElseThrow();
            var bytes = FeedWriter.write(podcast, episodes, baseUrl);
            return new DocumentCache.Built(podcast.id(), PublishedDocument.of(FeedWriter.MEDIA_TYPE, bytes, lastModified, next));
        });
    }

    public Optional<DocumentCache.Built> chapters(String podcastSlug, String episodeSlug, Instant now) {
        return podcast(podcastSlug).flatMap(podcast -> em.createNamedQuery(Episode.BY_SLUG, Episode.class)
                        .setParameter("podcast", podcast).setParameter("slug", episodeSlug).getResultStream().findFirst())
                .filter(episode -> episode.status(now) == Episode.Status.PUBLISHED)
                .map(episode -> {
                    var podcast = episode.podcast();
                    var lastModified = podcast.updatedAt().isAfter(episode.updatedAt()) ? podcast.updatedAt() : episode.updatedAt();
                    return new DocumentCache.Built(podcast.id(), PublishedDocument.of(ChaptersDocument.MEDIA_TYPE,
                            ChaptersDocument.write(episode), lastModified, Optional.empty()));
                });
    }

    private Optional<Podcast> podcast(String slug) {
        return em.createNamedQuery(Podcast.BY_SLUG, Podcast.class).setParameter("slug", slug).getResultStream().findFirst();
    }

    /**
     * Newest first; chapters and credits fetched in two batched queries rather than two per
     * episode, and read-only: nothing is copied for change tracking (half the build time before).
     */
    private List<Episode> published(Podcast podcast, Instant now) {
        return em.createNamedQuery(Episode.PUBLISHED_OF_PODCAST, Episode.class)
                .setParameter("podcast", podcast).setParameter("now", now)
                .setHint("eclipselink.read-only", "true")
                .setHint("eclipselink.batch.type", "IN")
                .setHint("eclipselink.batch", "e.chapters")
                .setHint("eclipselink.batch", "e.persons")
                .getResultList();
    }
}
