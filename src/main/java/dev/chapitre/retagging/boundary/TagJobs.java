package dev.chapitre.retagging.boundary;

import dev.chapitre.chapters.entity.Chapter;
import dev.chapitre.episodes.control.ShowNotes;
import dev.chapitre.episodes.entity.Episode;
import dev.chapitre.media.control.MediaCommits;
import dev.chapitre.media.control.MediaStorage;
import dev.chapitre.platform.control.PublicPaths;
import dev.chapitre.tagging.control.TagContent;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * The database side of re-tagging, each call its own short transaction: what the tag must say
 * (read from the database, the source of truth), and the outcome.
 */
@Stateless
public class TagJobs {

    /** The tag an episode's file must carry, as of {@code revision}; {@code behind}: its file carries an older one. */
    public record Snapshot(long podcastId, long episodeId, String audioKey, long revision, boolean behind, Optional<String> baseUrl,
                           TagContent content) {
    }

    private static final String KEEP_VERSION = "e.version = e.version";
    private static final Logger LOG = Logger.getLogger(TagJobs.class.getName());
    /**
     * Chapter images embedded in one MP3, at most: every listener downloads them with the audio, and
     * the tag is built in memory. Stored images are at most 1400 px (a few hundred KB), so a show
     * with an image per chapter embeds 30 to 60 of them; beyond, the CHAP frames link them.
     */
    static final long EMBEDDED_IMAGES_BYTES = 16L * 1024 * 1024;

    @PersistenceContext
    EntityManager em;

    @Inject
    MediaStorage storage;

    @Inject
    MediaCommits media;

    @Inject
    Event<EpisodeRetagged> retagged;

    /** The tag as of now; without {@code requestedBase} (a resumed job), the base URL of the file's last tag. */
    public Optional<Snapshot> snapshot(long episodeId, Optional<String> requestedBase) {
        return Optional.ofNullable(em.find(Episode.class, episodeId)).map(episode -> {
            var baseUrl = requestedBase.or(() -> episode.audio().tagBaseUrl());
            var podcast = episode.podcast();
            var fields = episode.fields();
            var cover = podcast.artwork().map(art -> new TagContent.Picture(image(art.key()), art.mediaType()));
            var content = new TagContent(
                    episode.title(),
                    Optional.ofNullable(podcast.fields().author()).orElse(podcast.title()),
                    podcast.title(),
                    episode.publishedAt().map(at -> at.atOffset(ZoneOffset.UTC).getYear()),
                    Optional.ofNullable(fields.number()),
                    ShowNotes.plainText(fields.description()),
                    baseUrl.map(base -> base + PublicPaths.episodePage(podcast.slug(), episode.slug())),
                    cover,
                    withEnds(episode.chapters(), episode.audio().durationMs(), this::chapterImage,
                            key -> baseUrl.map(base -> base + PublicPaths.chapterImage(key))));
            return new Snapshot(podcast.id(), episodeId, episode.audio().key(), episode.contentRevision(), !episode.isTagged(), baseUrl,
                    content);
        });
    }

    private byte[] image(String key) {
        try (var in = storage.read(key, 0, Long.MAX_VALUE)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A missing file (the audit reports it) must not keep the rest of the tag from being written: the CHAP links it then. */
    private Optional<byte[]> chapterImage(String key) {
        try (var in = storage.read(key, 0, Long.MAX_VALUE)) {
            return Optional.of(in.readAllBytes());
        } catch (NoSuchFileException e) {
            LOG.warning(() -> "The chapter image " + key + " is missing: its CHAP links it instead");
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<Long> episodesOf(long podcastId) {
        return em.createQuery("SELECT e.id FROM Episode e WHERE e.podcast.id = :podcast", Long.class)
                .setParameter("podcast", podcastId).getResultList();
    }

    /**
     * The switch to the tagged version: a compare-and-set of the episode's audio key, which succeeds
     * only while the episode still names the version the tag was written from (no new upload, no
     * other re-tag meanwhile); the previous version is retired in the same transaction. A bulk
     * update that leaves the episode's version alone, so a producer's edit that happens at the same
     * moment is never refused because of our own background work. EclipseLink increments the
     * version in a bulk update unless the statement sets it itself, hence {@value #KEEP_VERSION}.
     * An older revision never overwrites a newer one. False: the caller deletes its version.
     */
    public boolean recordTagged(Snapshot tagged, String taggedKey, long newLength) {
        int updated = em.createQuery("UPDATE Episode e SET e.audio.key = :tagged, e.audio.length = :length, "
                        + "e.audio.taggedRevision = :revision, e.audio.tagError = NULL, e.audio.tagBaseUrl = :base, " + KEEP_VERSION
                        + " WHERE e.id = :id AND e.audio.key = :key AND e.audio.taggedRevision <= :revision")
                .setParameter("tagged", taggedKey).setParameter("length", newLength).setParameter("revision", tagged.revision())
                .setParameter("base", tagged.baseUrl().orElse(null))
                .setParameter("id", tagged.episodeId()).setParameter("key", tagged.audioKey()).executeUpdate();
        if (updated > 0) {
            media.retireOnCommit(tagged.audioKey());
            retagged.fire(new EpisodeRetagged(tagged.podcastId(), tagged.episodeId()));
        }
        return updated > 0;
    }

    /**
     * Episodes whose file does not carry a tag of their current content: left behind by a crash or
     * a lost job. With {@code withFailed}, also those whose last attempt failed.
     */
    public List<Long> behind(boolean withFailed) {
        return em.createNamedQuery(withFailed ? Episode.UNTAGGED : Episode.UNTAGGED_WITHOUT_ERROR, Long.class).getResultList();
    }

    /** Whether an episode's audio is the file at {@code key}. */
    public boolean refersTo(String key) {
        return em.createQuery("SELECT COUNT(e) FROM Episode e WHERE e.audio.key = :key", Long.class).setParameter("key", key).getSingleResult() > 0;
    }

    public void recordFailure(long episodeId, String error) {
        var message = error.length() > 1000 ? error.substring(0, 999) + "…" : error;
        em.createQuery("UPDATE Episode e SET e.audio.tagError = :error, " + KEEP_VERSION + " WHERE e.id = :id")
                .setParameter("error", message).setParameter("id", episodeId).executeUpdate();
    }

    /**
     * ID3 chapters have an end: the next chapter's start, the last one's is the end of the audio.
     * A chapter's stored image goes into its CHAP frame ({@code read}: its bytes by media key), as long
     * as the images embedded so far stay within {@link #EMBEDDED_IMAGES_BYTES}; past that, and for
     * linked images, the CHAP links it ({@code address}: a stored image's public URL, when known).
     */
    static List<TagContent.TagChapter> withEnds(List<Chapter> chapters, long durationMs, Function<String, Optional<byte[]>> read,
                                                Function<String, Optional<String>> address) {
        var result = new ArrayList<TagContent.TagChapter>();
        long embedded = 0;
        for (int i = 0; i < chapters.size(); i++) {
            var chapter = chapters.get(i);
            long end = i + 1 < chapters.size() ? chapters.get(i + 1).startMs() : durationMs;
            Optional<TagContent.Picture> picture = Optional.empty();
            var imageUrl = chapter.img();
            if (chapter.imageKey().isPresent()) {
                var key = chapter.imageKey().get();
                var bytes = read.apply(key);
                if (bytes.isPresent() && embedded + bytes.get().length <= EMBEDDED_IMAGES_BYTES) {
                    embedded += bytes.get().length;
                    picture = Optional.of(new TagContent.Picture(bytes.get(), key.endsWith(".png") ? "image/png" : "image/jpeg"));
                }
                imageUrl = address.apply(key);
            }
            result.add(new TagContent.TagChapter(chapter.startMs(), end, chapter.title(), chapter.url(), imageUrl, chapter.toc(), picture));
        }
        return result;
    }
}
