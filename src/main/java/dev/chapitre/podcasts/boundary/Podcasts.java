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
import dev.chapitre.podcasts.entity.FormerShowSlug;
import dev.chapitre.podcasts.entity.Podcast;
import dev.chapitre.podcasts.entity.PodcastFields;
import dev.chapitre.security.control.Caller;
import dev.chapitre.security.control.ProducerIdentityStore;
import dev.chapitre.security.entity.Producer;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.ws.rs.core.Response.Status;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The shows a producer owns or edits (see {@link Teams}). A show the caller is not on the team of is
 * reported as not found, never as forbidden; an editor asking for what only the owner does is told so (403).
 */
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
        violations.throwIfAny("podcasts.invalid");
        var slug = fields.slug() != null ? requireFreeSlug(Optional.empty(), fields.slug())
                : Slug.firstFree(fields.title(), taken -> isTaken(taken)).value();
        var guid = PodcastGuid.forFeedUrl(PodcastJson.feedUrl(urls, slug)).toString();
        var podcast = new Podcast(caller.producer(), slug, guid, fields);
        em.persist(podcast);
        em.flush();
        return podcast;
    }

    /**
     * A show moved in from another host, for {@code owner}, keeping its {@code podcast:guid}. Called by
     * an import running in the background on the owner's behalf (checked when they started it).
     */
    @PermitAll
    public Podcast createImported(Producer owner, String guid, PodcastFields fields) {
        var violations = new Violations();
        Podcast.check(fields, violations);
        violations.throwIfAny("podcasts.invalid");
        var slug = Slug.firstFree(fields.title(), this::isTaken).value();
        var podcast = new Podcast(owner, slug, guid, fields);
        em.persist(podcast);
        em.flush();
        return podcast;
    }

    /** The show that has this {@code podcast:guid}, whoever owns it (an import must not make a second one). */
    @PermitAll
    public Optional<Podcast> withGuid(String guid) {
        return em.createNamedQuery(Podcast.BY_GUID, Podcast.class).setParameter("guid", guid).getResultStream().findFirst();
    }

    /** The shows the caller owns or edits. */
    public List<Podcast> mine() {
        return em.createNamedQuery(Podcast.OF_TEAM, Podcast.class).setParameter("producer", caller.producer()).getResultList();
    }

    /** A show the caller may see and change: theirs, or one they edit. */
    public Podcast editable(String slug) {
        return bySlug(slug).filter(p -> p.isEditableBy(caller.producer()))
                .orElseThrow(() -> ProblemException.notFound("podcasts.notYours", slug));
    }

    /** A show the caller owns, for what only its owner does (delete it, manage its team); an editor is told why not. */
    public Podcast owned(String slug) {
        var podcast = editable(slug);
        if (!podcast.isOwnedBy(caller.producer())) {
            throw new ProblemException(Status.FORBIDDEN, "podcasts.ownerOnly.showAndTeam", slug, podcast.owner().name());
        }
        return podcast;
    }

    public Podcast patch(String slug, JsonObject mergePatch, Optional<String> ifMatch) {
        var podcast = editable(slug);
        Preconditions.requireMatch(ifMatch, podcast.etag());
        var fields = PodcastJson.patched(podcast, mergePatch);
        requireOwnerFor(podcast, ownershipChanges(podcast.fields(), fields));
        if (!podcast.slug().equals(fields.slug())) {
            changeSlug(podcast, fields.slug());
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
        var podcast = editable(slug);
        Preconditions.requireMatch(ifMatch, podcast.etag());
        return replaceArtwork(podcast, contentType, upload, urls.base());
    }

    /** The artwork of a show an import made (by id: the import runs without a signed-in producer). */
    @PermitAll
    public Podcast replaceImportedArtwork(long podcastId, String contentType, StagedFile upload, String baseUrl) {
        var podcast = Optional.ofNullable(em.find(Podcast.class, podcastId))
                .orElseThrow(() -> ProblemException.notFound("podcasts.deleted"));
        return replaceArtwork(podcast, contentType, upload, baseUrl);
    }

    private Podcast replaceArtwork(Podcast podcast, String contentType, StagedFile upload, String baseUrl) {
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
        changes.fire(new PodcastChanged(podcast, baseUrl));
        return podcast;
    }

    /**
     * What says who the show belongs to and where it lives, which only its owner changes: the owner's
     * name and email (what Apple and Spotify verify ownership by), the lock against other platforms'
     * imports, and a move to another host. An editor changes everything else.
     */
    private static List<String> ownershipChanges(PodcastFields before, PodcastFields after) {
        var changed = new ArrayList<String>();
        if (!Objects.equals(before.ownerName(), after.ownerName())) {
            changed.add("ownerName");
        }
        if (!Objects.equals(before.ownerEmail(), after.ownerEmail())) {
            changed.add("ownerEmail");
        }
        if (!Objects.equals(before.locked(), after.locked())) {
            changed.add("locked");
        }
        if (!Objects.equals(before.redirectTo(), after.redirectTo())) {
            changed.add("redirectTo");
        }
        return changed;
    }

    private void requireOwnerFor(Podcast podcast, List<String> changes) {
        if (!changes.isEmpty() && !podcast.isOwnedBy(caller.producer())) {
            throw new ProblemException(Status.FORBIDDEN, "podcasts.ownerOnly.fields", podcast.slug(), podcast.owner().name(),
                    String.join(", ", changes));
        }
    }

    /** The old addresses keep answering, with a 301 to the new ones ({@link FormerShowSlug}). */
    private void changeSlug(Podcast podcast, String slug) {
        var former = podcast.slug();
        podcast.changeSlug(requireFreeSlug(Optional.of(podcast), slug));
        em.createNamedQuery(FormerShowSlug.FORGET).setParameter("slug", slug).executeUpdate(); // its own, taken back
        em.persist(new FormerShowSlug(former, podcast));
    }

    private Optional<Podcast> bySlug(String slug) {
        return em.createNamedQuery(Podcast.BY_SLUG, Podcast.class).setParameter("slug", slug).getResultStream().findFirst();
    }

    private Optional<Podcast> formerlyAt(String slug) {
        return em.createNamedQuery(FormerShowSlug.SHOW, Podcast.class).setParameter("slug", slug).getResultStream().findFirst();
    }

    private boolean isTaken(String slug) {
        return bySlug(slug).isPresent() || formerlyAt(slug).isPresent();
    }

    /** Free: no show has it, and no other show had it (its old addresses redirect to that show). */
    private String requireFreeSlug(Optional<Podcast> changing, String slug) {
        if (bySlug(slug).isPresent()) {
            throw ProblemException.conflict("podcasts.slug.taken", slug);
        }
        var former = formerlyAt(slug).filter(other -> changing.map(p -> !p.id().equals(other.id())).orElse(true));
        if (former.isPresent()) {
            throw ProblemException.conflict("podcasts.slug.formerlyElsewhere", slug);
        }
        return slug;
    }
}
