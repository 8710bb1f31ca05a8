package dev.chapitre.media.boundary;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Optional;

/**
 * Which stored file a public media address names. Only published episodes are public. Queries by
 * entity name keep this feature free of the episode and show classes.
 */
@Stateless
public class PublicMedia {

    /** A stored file and the type to serve it as. */
    public record Item(String key, String contentType) {
    }

    @PersistenceContext
    EntityManager em;

    public Optional<Item> episodeAudio(String podcast, String episode) {
        return em.createQuery("SELECT e.audio.key FROM Episode e WHERE e.podcast.slug = :podcast AND e.slug = :episode"
                        + " AND e.publishedAt IS NOT NULL AND e.publishedAt <= :now", String.class)
                .setParameter("podcast", podcast).setParameter("episode", episode).setParameter("now", Instant.now())
                .getResultStream().findFirst().map(key -> new Item(key, "audio/mpeg"));
    }

    public Optional<Item> artwork(String podcast) {
        return em.createQuery("SELECT p.artwork.key, p.artwork.mediaType FROM Podcast p WHERE p.slug = :podcast"
                        + " AND p.artwork.key IS NOT NULL", Object[].class)
                .setParameter("podcast", podcast).getResultStream().findFirst()
                .map(row -> new Item((String) row[0], (String) row[1]));
    }
}
