package dev.chapitre.downloads.boundary;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Optional;

/**
 * Which stored file a media address names, and for whom. Published episodes are public; drafts
 * and scheduled episodes only for their producer. Queries by entity name keep this feature free of
 * the episode and show classes.
 */
@Stateless
public class PublicMedia {

    /** A stored file, the type to serve it as, and what counting needs to know of it. */
    public record Item(String key, String contentType, long podcastId, long episodeId, int bitrateKbps) {

        public boolean isEpisode() {
            return episodeId > 0;
        }
    }

    @PersistenceContext
    EntityManager em;

    public Optional<Item> episodeAudio(String podcast, String episode, Optional<String> producerEmail) {
        return em.createQuery("SELECT e.audio.key, e.podcast.id, e.id, e.audio.bitrateKbps FROM Episode e"
                        + " WHERE e.podcast.slug = :podcast AND e.slug = :episode"
                        + " AND ((e.publishedAt IS NOT NULL AND e.publishedAt <= :now) OR e.podcast.owner.email = :owner)", Object[].class)
                .setParameter("podcast", podcast).setParameter("episode", episode).setParameter("now", Instant.now())
                .setParameter("owner", producerEmail.orElse(""))
                .getResultStream().findFirst()
                .map(row -> new Item((String) row[0], "audio/mpeg", (Long) row[1], (Long) row[2], (Integer) row[3]));
    }

    public Optional<Item> artwork(String podcast) {
        return em.createQuery("SELECT p.artwork.key, p.artwork.mediaType, p.id FROM Podcast p WHERE p.slug = :podcast"
                        + " AND p.artwork.key IS NOT NULL", Object[].class)
                .setParameter("podcast", podcast).getResultStream().findFirst()
                .map(row -> new Item((String) row[0], (String) row[1], (Long) row[2], 0, 0));
    }
}
