package dev.chapitre.episodes.boundary;

import dev.chapitre.chapters.control.ChapterJson;
import dev.chapitre.chapters.entity.ChapterList;
import dev.chapitre.chapters.entity.Chapter;
import dev.chapitre.episodes.boundary.EpisodeChanged;
import dev.chapitre.episodes.boundary.Episodes;
import dev.chapitre.episodes.control.ShowNotes;
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

    public Versioned of(String podcast, String episode) {
        return versioned(episodes.owned(podcast, episode).chapters());
    }

    public Versioned replace(String podcast, String episode, List<Chapter> incoming, Optional<String> ifMatch) {
        var target = episodes.owned(podcast, episode);
        Preconditions.requireMatch(ifMatch, versioned(target.chapters()).etag());
        target.replaceChapters(incoming);
        changes.fire(EpisodeChanged.of(target, urls.base()));
        return versioned(target.chapters());
    }

    /** The chapters as they would be saved (sorted, checked against the audio), without saving them. */
    public List<Chapter> preview(String podcast, String episode, List<Chapter> incoming) {
        return ChapterList.validated(incoming, episodes.owned(podcast, episode).audio().durationMs());
    }

    /** The episode's show notes as text, a line per paragraph: where timestamps are looked for. */
    public String notesAsText(String podcast, String episode) {
        return ShowNotes.textLines(episodes.owned(podcast, episode).fields().description());
    }

    /** The ETag is a digest of the chapters themselves: edits to other episode fields do not invalidate it. */
    static Versioned versioned(List<Chapter> chapters) {
        var digest = TokenSecrets.sha256(ChapterJson.document(chapters, true).build().toString());
        return new Versioned(chapters, Preconditions.strong("c" + digest.substring(0, 24)));
    }
}
