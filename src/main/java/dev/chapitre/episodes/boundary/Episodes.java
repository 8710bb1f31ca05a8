package dev.chapitre.episodes.boundary;

import dev.chapitre.chapters.entity.Chapter;
import dev.chapitre.episodes.control.ChapterImport;
import dev.chapitre.episodes.control.ShowNotes;
import dev.chapitre.episodes.entity.AudioFile;
import dev.chapitre.episodes.entity.Episode;
import dev.chapitre.episodes.entity.EpisodeFields;
import dev.chapitre.episodes.entity.FormerEpisodeSlug;
import dev.chapitre.media.control.MediaCommits;
import dev.chapitre.media.control.StagedFile;
import dev.chapitre.platform.boundary.Preconditions;
import dev.chapitre.platform.boundary.PublicUrls;
import dev.chapitre.platform.control.ProblemException;
import dev.chapitre.platform.entity.Slug;
import dev.chapitre.platform.entity.Violations;
import dev.chapitre.podcasts.boundary.Podcasts;
import dev.chapitre.podcasts.entity.Podcast;
import dev.chapitre.security.control.Caller;
import dev.chapitre.security.control.ProducerIdentityStore;
import dev.chapitre.tagging.control.AudioFacts;
import dev.chapitre.tagging.control.AudioInspector;
import dev.chapitre.tagging.control.NotMpegAudio;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A producer's episodes. The audio is checked before anything is saved, and published with the row. */
@Stateless
@RolesAllowed(ProducerIdentityStore.PRODUCER)
public class Episodes {

    @PersistenceContext
    EntityManager em;

    @Inject
    Podcasts podcasts;

    @Inject
    Caller caller;

    @Inject
    AudioInspector inspector;

    @Inject
    MediaCommits media;

    @Inject
    Event<EpisodeChanged> changes;

    @Inject
    Event<EpisodeRemoval> removals;

    @Inject
    PublicUrls urls;

    /** Fails with 404 unless the caller owns or edits the show; cheap, so done before reading an upload. */
    public void requireShow(String podcastSlug) {
        podcasts.editable(podcastSlug);
    }

    public Episode create(String podcastSlug, EpisodeFields fields, Optional<List<Chapter>> chapters, StagedFile audio) {
        return create(podcasts.editable(podcastSlug), UUID.randomUUID().toString(), fields, chapters, audio, urls.base());
    }

    /**
     * An episode moved in from another host with its guid kept exactly (apps know it by it), into a
     * show of {@code podcastId}; called by an import that runs without a signed-in producer. The
     * audio is checked and the MP3 re-tagged like any upload ({@code baseUrl}: the public address the
     * import was started at, for the URLs in the tag).
     */
    @PermitAll
    public Episode createImported(long podcastId, String guid, EpisodeFields fields, List<Chapter> chapters, StagedFile audio,
                                  String baseUrl) {
        var podcast = Optional.ofNullable(em.find(Podcast.class, podcastId))
                .orElseThrow(() -> ProblemException.notFound("episodes.show.deleted"));
        return create(podcast, guid, fields, Optional.of(chapters), audio, baseUrl);
    }

    /** The guids a show's episodes have: an import skips those. */
    @PermitAll
    public java.util.Set<String> guidsOf(long podcastId) {
        return new java.util.HashSet<>(em.createNamedQuery(Episode.GUIDS_OF_PODCAST, String.class)
                .setParameter("podcast", podcastId).getResultList());
    }

    private Episode create(Podcast podcast, String guid, EpisodeFields fields, Optional<List<Chapter>> chapters, StagedFile audio,
                           String baseUrl) {
        var accepted = checkedAndSanitized(fields);
        var facts = inspect(audio);
        var slug = fields.slug() != null ? requireFreeSlug(podcast, Optional.empty(), fields.slug())
                : Slug.firstFree(fields.title(), taken -> isTaken(podcast, taken)).value();
        var key = MediaCommits.newKey("episodes", "mp3");
        var episode = new Episode(podcast, slug, guid, accepted, new AudioFile(key, audio.size(),
                facts.durationMs(), facts.bitrateKbps(), 1));
        episode.replaceChapters(chapters.orElseGet(() -> ChapterImport.fromFile(audio.sample(), facts.durationMs())));
        em.persist(episode);
        em.flush();
        media.publishNow(audio, key);
        changes.fire(EpisodeChanged.of(episode, baseUrl));
        return episode;
    }

    public List<Episode> of(String podcastSlug) {
        var podcast = podcasts.editable(podcastSlug);
        return em.createNamedQuery(Episode.OF_PODCAST, Episode.class).setParameter("podcast", podcast).getResultList();
    }

    /**
     * Any episode's audio, published or not, for the producers who own or edit the show (signed in to the
     * studio or the API): they listen to a draft before the public can. Never cache it for others.
     */
    public Optional<PublicCatalog.Audio> ownAudio(String podcastSlug, String episodeSlug) {
        return em.createNamedQuery(Episode.OWNED_AUDIO, Object[].class).setParameter("podcast", podcastSlug)
                .setParameter("episode", episodeSlug).setParameter("producer", caller.producer())
                .getResultStream().findFirst().map(PublicCatalog.Audio::of);
    }

    /** A chapter's stored image of any episode, published or not, for the producers who own or edit the show (the editor shows it). */
    public Optional<PublicCatalog.Image> ownChapterImage(String key) {
        var producer = caller.producer();
        return PublicCatalog.episodeWithChapterImage(em, key).filter(episode -> episode.podcast().isEditableBy(producer))
                .map(episode -> PublicCatalog.Image.ofChapter(key, episode));
    }

    public Episode owned(String podcastSlug, String episodeSlug) {
        var podcast = podcasts.editable(podcastSlug);
        return bySlug(podcast, episodeSlug).orElseThrow(() -> noSuchEpisode(podcastSlug, episodeSlug));
    }

    /**
     * The episode, its row locked until the commit, for a change that retires or deletes its audio:
     * a re-tag switches the audio key without touching the version (TagJobs.recordTagged), so the
     * key must be read under the lock, or the version the re-tag just wrote would be left behind
     * and the one it replaced retired twice. A re-tag that comes after waits, then finds the key
     * changed and drops its own version.
     */
    private Episode ownedForUpdate(String podcastSlug, String episodeSlug) {
        var podcast = podcasts.editable(podcastSlug);
        return em.createNamedQuery(Episode.BY_SLUG, Episode.class).setParameter("podcast", podcast).setParameter("slug", episodeSlug)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream().findFirst()
                .orElseThrow(() -> noSuchEpisode(podcastSlug, episodeSlug));
    }

    private static ProblemException noSuchEpisode(String podcastSlug, String episodeSlug) {
        return ProblemException.notFound("episodes.notFound", podcastSlug, episodeSlug);
    }

    public Episode patch(String podcastSlug, String episodeSlug, JsonObject mergePatch, Optional<String> ifMatch) {
        var episode = owned(podcastSlug, episodeSlug);
        Preconditions.requireMatch(ifMatch, episode.etag());
        var fields = EpisodeJson.patched(episode, mergePatch);
        if (!episode.slug().equals(fields.slug())) {
            changeSlug(episode, fields.slug());
        }
        episode.apply(checkedAndSanitized(fields));
        em.flush();
        changes.fire(EpisodeChanged.of(episode, urls.base()));
        return episode;
    }

    /** New audio for the episode; chapters past its end are refused, or dropped when the producer says so. */
    public Episode replaceAudio(String podcastSlug, String episodeSlug, StagedFile audio, Optional<String> ifMatch,
                                boolean dropChaptersPastTheEnd) {
        var episode = ownedForUpdate(podcastSlug, episodeSlug);
        Preconditions.requireMatch(ifMatch, episode.etag());
        var facts = inspect(audio);
        var current = episode.audio();
        var key = MediaCommits.newKey("episodes", "mp3");
        var droppedImages = episode.replaceAudio(new AudioFile(key, audio.size(), facts.durationMs(), facts.bitrateKbps(),
                current.revision() + 1), dropChaptersPastTheEnd);
        em.flush();
        droppedImages.forEach(media::retireOnCommit);
        media.publishNow(audio, key);
        media.retireOnCommit(current.key());
        changes.fire(EpisodeChanged.of(episode, urls.base()));
        return episode;
    }

    public void delete(String podcastSlug, String episodeSlug, Optional<String> ifMatch) {
        var episode = ownedForUpdate(podcastSlug, episodeSlug);
        Preconditions.requireMatch(ifMatch, episode.etag());
        media.deleteOnCommit(episode.audio().key());
        episode.chapterImageKeys().forEach(media::deleteOnCommit);
        changes.fire(EpisodeChanged.of(episode, urls.base()));
        removals.fire(new EpisodeRemoval(episode));
        em.remove(episode);
    }

    private AudioFacts inspect(StagedFile audio) {
        try {
            return inspector.inspect(audio.sample());
        } catch (NotMpegAudio e) {
            throw (e.kind() == NotMpegAudio.Kind.NOT_AUDIO
                    ? ProblemException.unsupportedMediaType("episodes.audio.notMp3", e.reason())
                    : ProblemException.unprocessable(e.reason())).about("audio");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The producer's own text is checked before the show notes are sanitised (which would escape what it refuses). */
    private static EpisodeFields checkedAndSanitized(EpisodeFields f) {
        var violations = new Violations();
        Episode.check(f, violations);
        violations.throwIfAny("episodes.invalid");
        return new EpisodeFields(f.slug(), f.title(), ShowNotes.sanitize(f.description()), f.publishedAt(), f.season(),
                f.number(), f.type(), f.explicit(), f.image(), f.persons());
    }

    private Optional<Episode> bySlug(Podcast podcast, String slug) {
        return em.createNamedQuery(Episode.BY_SLUG, Episode.class).setParameter("podcast", podcast)
                .setParameter("slug", slug).getResultStream().findFirst();
    }

    /** The old addresses keep answering, with a 301 to the new ones ({@link FormerEpisodeSlug}). */
    private void changeSlug(Episode episode, String slug) {
        var former = episode.slug();
        episode.changeSlug(requireFreeSlug(episode.podcast(), Optional.of(episode), slug));
        em.createNamedQuery(FormerEpisodeSlug.FORGET).setParameter("podcast", episode.podcast().id()).setParameter("slug", slug)
                .executeUpdate(); // its own, taken back
        em.persist(new FormerEpisodeSlug(former, episode));
    }

    private Optional<Episode> formerlyAt(Podcast podcast, String slug) {
        return em.createNamedQuery(FormerEpisodeSlug.EPISODE, Episode.class).setParameter("podcast", podcast.id())
                .setParameter("slug", slug).getResultStream().findFirst();
    }

    private boolean isTaken(Podcast podcast, String slug) {
        return bySlug(podcast, slug).isPresent() || formerlyAt(podcast, slug).isPresent();
    }

    /** Free in the show: no episode has it, and no other episode had it (its old addresses redirect there). */
    private String requireFreeSlug(Podcast podcast, Optional<Episode> changing, String slug) {
        if (bySlug(podcast, slug).isPresent()) {
            throw ProblemException.conflict("episodes.slug.taken", slug);
        }
        if (formerlyAt(podcast, slug).filter(other -> changing.map(e -> !e.id().equals(other.id())).orElse(true)).isPresent()) {
            throw ProblemException.conflict("episodes.slug.formerlyTaken", slug);
        }
        return slug;
    }
}
