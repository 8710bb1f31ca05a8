package dev.chapitre.episodes.boundary;

import dev.chapitre.episodes.entity.Episode;
import dev.chapitre.episodes.entity.FormerEpisodeSlug;
import dev.chapitre.podcasts.entity.FormerShowSlug;
import dev.chapitre.podcasts.entity.Podcast;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the public may see, asked by the pages, the feeds, the media servlet and the ratings: every
 * show with its artwork, and the episodes whose publication date has come ({@link Episode#isPublicAt}),
 * with their audio and chapters. Drafts and scheduled episodes exist only for their producer.
 */
@Stateless
@PermitAll
public class PublicCatalog {

    /** An episode's stored MP3 and what counting a download of it needs. */
    public record Audio(String key, long podcastId, long episodeId, int bitrateKbps, long length) {

        /** A row of {@link Episode#PUBLISHED_AUDIO} or {@link Episode#OWNED_AUDIO}. */
        static Audio of(Object[] row) {
            return new Audio((String) row[0], (Long) row[1], (Long) row[2], (Integer) row[3], (Long) row[4]);
        }
    }

    /** A show's stored artwork, or a chapter's stored image. */
    public record Image(String key, String mediaType, long podcastId) {
        static Image ofChapter(String key, Episode episode) {
            return new Image(key, key.endsWith(".png") ? "image/png" : "image/jpeg", episode.podcast().id());
        }
    }

    /** A public address by its slugs: a show's (feed, page, artwork), or an episode's (page, MP3, chapters). */
    public record Address(String show, Optional<String> episode) {
    }

    @PersistenceContext
    EntityManager em;

    /**
     * Where an address that names a former slug (the show's, the episode's, or both) is now; empty
     * when nothing moved or nothing is there. An episode's new address is told only once it is public.
     */
    public Optional<Address> movedTo(Address asked, Instant now) {
        var current = show(asked.show());
        var show = current.or(() -> em.createNamedQuery(FormerShowSlug.SHOW, Podcast.class).setParameter("slug", asked.show())
                .getResultStream().findFirst());
        if (show.isEmpty()) {
            return Optional.empty();
        }
        boolean showMoved = current.isEmpty();
        if (asked.episode().isEmpty()) {
            return showMoved ? Optional.of(new Address(show.get().slug(), Optional.empty())) : Optional.empty();
        }
        var episodeSlug = asked.episode().get();
        var episode = em.createNamedQuery(Episode.BY_SLUG, Episode.class).setParameter("podcast", show.get())
                .setParameter("slug", episodeSlug).getResultStream().findFirst();
        boolean episodeMoved = episode.isEmpty();
        return episode.or(() -> em.createNamedQuery(FormerEpisodeSlug.EPISODE, Episode.class).setParameter("podcast", show.get().id())
                        .setParameter("slug", episodeSlug).getResultStream().findFirst())
                .filter(found -> (showMoved || episodeMoved) && found.isPublicAt(now))
                .map(found -> new Address(show.get().slug(), Optional.of(found.slug())));
    }

    /** Every show, by title: a show is public from its creation, even before its first episode. */
    public List<Podcast> shows() {
        return em.createNamedQuery(Podcast.BY_TITLE, Podcast.class).getResultList();
    }

    public Optional<Podcast> show(long id) {
        return Optional.ofNullable(em.find(Podcast.class, id));
    }

    public Optional<Podcast> show(String slug) {
        return em.createNamedQuery(Podcast.BY_SLUG, Podcast.class).setParameter("slug", slug).getResultStream().findFirst();
    }

    public long episodeCount(Podcast show, Instant now) {
        return em.createNamedQuery(Episode.PUBLISHED_COUNT, Long.class).setParameter("podcast", show).setParameter("now", now)
                .getSingleResult();
    }

    /** Newest first, {@code max} of them from the {@code first} (counting from 0). */
    public List<Episode> episodes(Podcast show, Instant now, int first, int max) {
        return em.createNamedQuery(Episode.PUBLISHED_OF_PODCAST, Episode.class).setParameter("podcast", show).setParameter("now", now)
                .setFirstResult(first).setMaxResults(max).getResultList();
    }

    /**
     * All of them, newest first, for a document that lists everything (the feed): chapters and
     * credits fetched in two batched queries rather than two per episode, and read-only: nothing
     * is copied for change tracking (half the feed's build time before).
     */
    public List<Episode> allEpisodes(Podcast show, Instant now) {
        return em.createNamedQuery(Episode.PUBLISHED_OF_PODCAST, Episode.class).setParameter("podcast", show).setParameter("now", now)
                .setHint("eclipselink.read-only", "true")
                .setHint("eclipselink.batch.type", "IN")
                .setHint("eclipselink.batch", "e.chapters")
                .setHint("eclipselink.batch", "e.persons")
                .getResultList();
    }

    /** When the show's next scheduled episode becomes public: until then, what the public sees of it stays the same. */
    public Optional<Instant> nextPublication(Podcast show, Instant now) {
        return em.createNamedQuery(Episode.NEXT_SCHEDULED, Instant.class).setParameter("podcast", show).setParameter("now", now)
                .getResultStream().filter(Objects::nonNull).findFirst();
    }

    public Optional<Episode> episode(String showSlug, String episodeSlug, Instant now) {
        return show(showSlug).flatMap(show -> episode(show, episodeSlug, now));
    }

    /** Read from the database each time: a caller holding locks learns whether the episode is still there. */
    public Optional<Episode> episode(Podcast show, String episodeSlug, Instant now) {
        return em.createNamedQuery(Episode.BY_SLUG, Episode.class).setParameter("podcast", show).setParameter("slug", episodeSlug)
                .getResultStream().findFirst().filter(episode -> episode.isPublicAt(now));
    }

    public Optional<Audio> audio(String showSlug, String episodeSlug, Instant now) {
        return em.createNamedQuery(Episode.PUBLISHED_AUDIO, Object[].class).setParameter("podcast", showSlug)
                .setParameter("episode", episodeSlug).setParameter("now", now)
                .getResultStream().findFirst().map(Audio::of);
    }

    /** A chapter's stored image, by its media key, once its episode is public. */
    public Optional<Image> chapterImage(String key, Instant now) {
        return episodeWithChapterImage(em, key).filter(episode -> episode.isPublicAt(now)).map(episode -> Image.ofChapter(key, episode));
    }

    static Optional<Episode> episodeWithChapterImage(EntityManager em, String key) {
        return em.createNamedQuery(Episode.WITH_CHAPTER_IMAGE, Episode.class).setParameter("key", key).getResultStream().findFirst();
    }

    public Optional<Image> artwork(String showSlug) {
        return em.createNamedQuery(Podcast.ARTWORK_BY_SLUG, Object[].class).setParameter("slug", showSlug).getResultStream().findFirst()
                .map(row -> new Image((String) row[0], (String) row[1], (Long) row[2]));
    }

}
