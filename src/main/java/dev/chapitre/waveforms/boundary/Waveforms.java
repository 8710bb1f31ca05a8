package dev.chapitre.waveforms.boundary;

import dev.chapitre.chapters.entity.Chapter;
import dev.chapitre.chapters.entity.ChapterList;
import dev.chapitre.episodes.boundary.Episodes;
import dev.chapitre.platform.control.ProblemException;
import dev.chapitre.platform.entity.Message;
import dev.chapitre.security.control.ProducerIdentityStore;
import dev.chapitre.waveforms.control.ChapterChecks;
import dev.chapitre.waveforms.control.ChapterSuggestions;
import dev.chapitre.waveforms.entity.Pause;
import dev.chapitre.waveforms.entity.Waveform;
import dev.chapitre.waveforms.entity.WaveformState;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** An episode's waveform and pauses, and what follows from them for its chapters, for its producer. */
@Stateless
@RolesAllowed(ProducerIdentityStore.PRODUCER)
public class Waveforms {

    /** The peaks and pauses of the episode's current audio; {@code etag} changes with the audio and the pause rule. */
    public record Ready(Waveform waveform, List<Chapter> chapters) {

        public String etag() {
            return "w" + waveform.episodeId() + "r" + waveform.audioRevision() + "p" + -waveform.thresholdDb() + "m"
                    + waveform.minPauseMs();
        }
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Episodes episodes;

    @Inject
    WaveformWork work;

    @Inject
    ChapterImageFacts images;

    /**
     * Empty while the current audio's waveform is being computed (or was never asked for: it is
     * queued now). One that could not be computed → 422 with the reason.
     */
    public Optional<Ready> of(String podcast, String episode) {
        var owned = episodes.owned(podcast, episode);
        var current = Optional.ofNullable(em.find(Waveform.class, owned.id())).filter(row -> row.audioRevision() == owned.audio().revision());
        if (current.isEmpty()) {
            work.schedule(owned.id(), false, true); // a producer is waiting: before any backlog
            return Optional.empty();
        }
        var row = current.get();
        if (row.state() == WaveformState.FAILED) {
            Object reason = row.error().isPresent() ? row.error().get() // stored in English, a decoder's words
                    : Message.of("waveforms.failed.unknown");
            throw ProblemException.unprocessable("waveforms.failed", reason);
        }
        return row.state() == WaveformState.READY ? Optional.of(new Ready(row, owned.chapters())) : Optional.empty();
    }

    public Optional<List<ChapterSuggestions.Suggestion>> suggestions(String podcast, String episode) {
        return of(podcast, episode).map(ready -> ChapterSuggestions.of(ready.waveform().pauses(), ready.waveform().durationMs(),
                ready.chapters().stream().map(Chapter::startMs).toList()));
    }

    /**
     * The saved chapters' checks, or a draft's (its images that name this episode's stored ones are
     * those); the checks that need the pauses only once they are known.
     */
    public List<ChapterChecks.Check> checks(String podcast, String episode, Optional<List<Chapter>> draft) {
        var owned = episodes.owned(podcast, episode);
        // a draft is checked as a save would take it (sorted; one that could not be saved → 422, as the preview)
        var chapters = draft.map(owned::asStored).map(d -> ChapterList.validated(d, owned.audio().durationMs())).orElse(owned.chapters());
        Optional<List<Pause>> pauses = Optional.ofNullable(em.find(Waveform.class, owned.id()))
                .filter(row -> row.audioRevision() == owned.audio().revision() && row.state() == WaveformState.READY)
                .map(Waveform::pauses);
        return ChapterChecks.of(chapters, owned.audio().durationMs(), pauses, index -> chapters.get(index).imageKey().flatMap(images::facts));
    }
}
