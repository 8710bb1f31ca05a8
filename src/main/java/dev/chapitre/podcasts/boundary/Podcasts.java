package dev.chapitre.podcasts.boundary;

import dev.chapitre.media.control.MediaCommits;
import dev.chapitre.media.control.StagedFile;
import dev.chapitre.platform.boundary.Preconditions;
import dev.chapitre.platform.boundary.PublicUrls;
import dev.chapitre.platform.control.ProblemException;
import dev.chapitre.platform.entity.Slug;
import dev.chapitre.platform.entity.Violations;
import dev.chapitre.podcasts.control.ArtworkInspector;
import dev.chapitre.podcasts.control.PodcastGuid;
import dev.chapitre.podcasts.entity.Artwork;
import dev.chapitre.podcasts.entity.Podcast;
import dev.chapitre.podcasts.entity.PodcastFields;
import dev.chapitre.security.control.Caller;
import dev.chapitre.security.control.ProducerIdentityStore;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/** A producer's shows. Another producer's show is reported as not found, never as forbidden. */
@Stateless
@RolesAllowed(ProducerIdentityStore.PRODUCER)
public class Podcasts {

    @PersistenceContext
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    PublicUrls urls;

    @Inject
    MediaCommits media;

    @Inject
    Event<PodcastChanged> changes;

    @Inject
    Event<PodcastRemoval> removals;

    public Podcast create(PodcastFields fields) {
        var violations = new Violations();
        Podcast.check(fields, violations);
        violations.throwIfAny("The show is not valid");
        var slug = fields.slug() != null ? requireFreeSlug(fields.slug()) : Slug.firstFree(fields.title(), taken -> bySlug(taken).isPresent()).value();
        var guid = PodcastGuid.forFeedUrl(PodcastJson.feedUrl(urls, slug));
        var podcast = new Podcast(caller.producer(), slug, guid, fields);
        em.persist(podcast);
        em.flush();
        return podcast;
    }

    public List<Podcast> mine() {
        return em.createNamedQuery(Podcast.OF_OWNER, Podcast.class).setParameter("owner", caller.producer()).getResultList();
    }

    public Podcast owned(String slug) {
        return bySlug(slug).filter(p -> p.isOwnedBy(caller.producer()))
                .orElseThrow(() -> ProblemException.notFound("You have no show '" + slug + "'."));
    }

    public Podcast patch(String slug, JsonObject mergePatch, Optional<String> ifMatch) {
        var podcast = owned(slug);
        Preconditions.requireMatch(ifMatch, podcast.etag());
        var fields = PodcastJson.patched(podcast, mergePatch);
        if (!podcast.slug().equals(fields.slug())) {
            podcast.changeSlug(requireFreeSlug(fields.slug()));
        }
        podcast.apply(fields);
        em.flush();
        changes.fire(new PodcastChanged(podcast, urls.base()));
        return podcast;
    }

    public void delete(String slug, Optional<String> ifMatch) {
        var podcast = owned(slug);
        Preconditions.requireMatch(ifMatch, podcast.etag());
        removals.fire(new PodcastRemoval(podcast)); // its episodes go first, in this transaction
        podcast.artwork().ifPresent(art -> media.deleteOnCommit(art.key()));
        em.remove(podcast);
    }

    public Podcast replaceArtwork(String slug, String contentType, StagedFile upload, Optional<String> ifMatch) {
        var podcast = owned(slug);
        Preconditions.requireMatch(ifMatch, podcast.etag());
        ArtworkInspector.Image image;
        try {
            image = ArtworkInspector.inspect(upload.sample(), contentType);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var key = MediaCommits.newKey("artwork", image.mediaType().equals("image/png") ? "png" : "jpg");
        podcast.artwork().ifPresent(old -> media.retireOnCommit(old.key()));
        podcast.replaceArtwork(new Artwork(key, image.mediaType(), image.size(), upload.size()));
        em.flush();
        media.publishNow(upload, key);
        changes.fire(new PodcastChanged(podcast, urls.base()));
        return podcast;
    }

    private Optional<Podcast> bySlug(String slug) {
        return em.createNamedQuery(Podcast.BY_SLUG, Podcast.class).setParameter("slug", slug).getResultStream().findFirst();
    }

    private String requireFreeSlug(String slug) {
        if (bySlug(slug).isPresent()) {
            throw ProblemException.conflict("The slug '" + slug + "' is already taken; choose another.");
        }
        return slug;
    }
}
