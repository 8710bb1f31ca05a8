package dev.chapitre.episodes.boundary;

import dev.chapitre.chapters.control.ChapterArt;
import dev.chapitre.chapters.control.NotChapterArt;
import dev.chapitre.episodes.entity.Episode;
import dev.chapitre.media.control.MediaCommits;
import dev.chapitre.media.control.MediaStorage;
import dev.chapitre.media.control.StagedFile;
import dev.chapitre.platform.boundary.Preconditions;
import dev.chapitre.platform.boundary.PublicUrls;
import dev.chapitre.platform.control.ProblemException;
import dev.chapitre.security.control.ProducerIdentityStore;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.ws.rs.core.Response.Status;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * A chapter's own image: uploaded, checked and scaled ({@link ChapterArt}), stored under a new media
 * key, and shown by the chapter, which the feed, the chapters file, the episode page and the MP3's
 * CHAP frames then carry. Chapters are numbered from 1, as the editor and the episode page show
 * them. The image it replaces, or that a delete removes, is retired with the commit like a replaced
 * artwork; the new file is removed again if the transaction rolls back ({@link MediaCommits}).
 */
@Stateless
@RolesAllowed(ProducerIdentityStore.PRODUCER)
public class ChapterImages {

    private static final Logger LOG = Logger.getLogger(ChapterImages.class.getName());
    static final String FOLDER = "chapter-images";

    @PersistenceContext
    EntityManager em;

    @Inject
    Episodes episodes;

    @Inject
    MediaCommits media;

    @Inject
    MediaStorage storage;

    @Inject
    PublicUrls urls;

    @Inject
    Event<EpisodeChanged> changes;

    /** Fails with 404 unless the caller owns the episode and it has that chapter; cheap, so done before reading an upload. */
    public void requireChapter(String podcast, String episode, String number) {
        numbered(episodes.owned(podcast, episode), number);
    }

    public Chapters.Versioned replace(String podcast, String episode, String number, String contentType, StagedFile upload,
                                      Optional<String> ifMatch) {
        var target = episodes.owned(podcast, episode);
        Preconditions.requireMatch(ifMatch, Chapters.etag(target));
        int chapter = numbered(target, number);
        var image = prepared(upload, contentType, chapter);
        var key = MediaCommits.newKey(FOLDER, image.extension());
        target.replaceChapterImage(chapter, Optional.of(key)).forEach(media::retireOnCommit);
        em.flush(); // the row is accepted before the file is written
        try (var staged = storage.stage(new ByteArrayInputStream(image.bytes()), image.bytes().length)) {
            media.publishNow(staged, key);
        } catch (MediaStorage.Unavailable e) {
            LOG.warning(() -> "Chapter image refused: " + e);
            throw new ProblemException(Status.SERVICE_UNAVAILABLE, "media.unavailable");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        changes.fire(EpisodeChanged.of(target, urls.base()));
        return Chapters.versioned(target, urls.base());
    }

    /** The chapter shows no image any more, neither a stored one nor a link. */
    public Chapters.Versioned remove(String podcast, String episode, String number, Optional<String> ifMatch) {
        var target = episodes.owned(podcast, episode);
        Preconditions.requireMatch(ifMatch, Chapters.etag(target));
        int chapter = numbered(target, number);
        var current = target.chapters().get(chapter - 1);
        if (current.imageKey().isEmpty() && current.img().isEmpty()) {
            throw ProblemException.notFound("episodes.chapterImage.none", chapter);
        }
        target.replaceChapterImage(chapter, Optional.empty()).forEach(media::retireOnCommit);
        changes.fire(EpisodeChanged.of(target, urls.base()));
        return Chapters.versioned(target, urls.base());
    }

    /** The chapter {@code number} names, from 1; anything else is an address that names no chapter. */
    private static int numbered(Episode episode, String number) {
        int count = episode.chapters().size();
        int parsed = number != null && number.matches("[1-9][0-9]{0,2}") ? Integer.parseInt(number) : 0;
        if (parsed < 1 || parsed > count) {
            throw count == 0 ? ProblemException.notFound("episodes.chapter.notFound.none", number)
                    : count == 1 ? ProblemException.notFound("episodes.chapter.notFound.one", number)
                    : ProblemException.notFound("episodes.chapter.notFound.many", count, number);
        }
        return parsed;
    }

    private static ChapterArt.Image prepared(StagedFile upload, String contentType, int chapter) {
        try {
            return ChapterArt.prepare(upload.sample(), contentType);
        } catch (NotChapterArt e) {
            throw (e.kind() == NotChapterArt.Kind.NOT_AN_IMAGE
                    ? ProblemException.unsupportedMediaType("episodes.chapterImage.notSaved", chapter, e.reason())
                    : ProblemException.unprocessable("episodes.chapterImage.notSaved", chapter, e.reason())).about("image");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
