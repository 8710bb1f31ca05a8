package dev.chapitre.episodes.boundary;

import dev.chapitre.chapters.control.ChapterJson;
import dev.chapitre.chapters.entity.ChapterList;
import dev.chapitre.chapters.entity.Chapter;
import dev.chapitre.episodes.control.ShowNotes;
import dev.chapitre.episodes.entity.Episode;
import dev.chapitre.media.control.MediaCommits;
import dev.chapitre.platform.boundary.Preconditions;
import dev.chapitre.platform.boundary.PublicUrls;
import dev.chapitre.security.control.ProducerIdentityStore;
import dev.chapitre.security.control.TokenSecrets;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/** An episode's chapters, read and replaced as a whole (the unit producers edit and ID3 stores). */
@Stateless
@RolesAllowed(ProducerIdentityStore.PRODUCER)
public class Chapters {

    /** The chapters and the validator that a later If-Match must quote. */
    public record Versioned(List<Chapter> chapters, String etag) {
    }

    @Inject
    Episodes episodes;

    @Inject
    Event<EpisodeChanged> changes;

    @Inject
    PublicUrls urls;

    @Inject
    MediaCommits media;

    public Versioned of(String podcast, String episode) {
        return versioned(episodes.owned(podcast, episode));
    }

    /** Images stored for chapters the new list no longer has go once the change is committed (after the retention). */
    public Versioned replace(String podcast, String episode, List<Chapter> incoming, Optional<String> ifMatch) {
        var target = episodes.owned(podcast, episode);
        Preconditions.requireMatch(ifMatch, etag(target));
        target.replaceChapters(incoming).forEach(media::retireOnCommit);
        changes.fire(EpisodeChanged.of(target, urls.base()));
        return versioned(target);
    }

    /** The chapters as they would be saved (sorted, checked against the audio), without saving them. */
    public List<Chapter> preview(String podcast, String episode, List<Chapter> incoming) {
        return ChapterList.validated(incoming, episodes.owned(podcast, episode).audio().durationMs());
    }

    /** The episode's show notes as text, a line per paragraph: where timestamps are looked for. */
    public String notesAsText(String podcast, String episode) {
        return ShowNotes.textLines(episodes.owned(podcast, episode).fields().description());
    }

    private Versioned versioned(Episode episode) {
        return versioned(episode, urls.base());
    }

    /** The chapters with their stored images' addresses under {@code baseUrl}, and their ETag (static: a facade's own methods are its business). */
    static Versioned versioned(Episode episode, String baseUrl) {
        return new Versioned(episode.publicChapters(baseUrl), etag(episode));
    }

    /**
     * The ETag is a digest of the chapters themselves: edits to other episode fields do not
     * invalidate it. Stored images count by their key (their path), not by the host they are read
     * under, so the same chapters have the same ETag whatever address the studio is reached at.
     */
    static String etag(Episode episode) {
        var digest = TokenSecrets.sha256(ChapterJson.document(episode.publicChapters(""), true).build().toString());
        return Preconditions.strong("c" + digest.substring(0, 24));
    }
}
