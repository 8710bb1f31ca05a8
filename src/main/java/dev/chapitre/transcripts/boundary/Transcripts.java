package dev.chapitre.transcripts.boundary;

import dev.chapitre.episodes.boundary.Episodes;
import dev.chapitre.episodes.entity.Episode;
import dev.chapitre.platform.boundary.Preconditions;
import dev.chapitre.platform.control.ProblemException;
import dev.chapitre.platform.entity.InvalidInput;
import dev.chapitre.platform.entity.LanguageTag;
import dev.chapitre.platform.entity.Violations;
import dev.chapitre.security.control.ProducerIdentityStore;
import dev.chapitre.transcripts.control.ChapterTitles;
import dev.chapitre.transcripts.control.ParsedTranscript;
import dev.chapitre.transcripts.entity.Cue;
import dev.chapitre.transcripts.entity.CueRules;
import dev.chapitre.transcripts.entity.Transcript;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** An episode's transcript, for its producer: stored, read, replaced and deleted as a whole. */
@Stateless
@RolesAllowed(ProducerIdentityStore.PRODUCER)
public class Transcripts {

    @PersistenceContext
    EntityManager em;

    @Inject
    Episodes episodes;

    @Inject
    Event<TranscriptChanged> changes;

    public Optional<StoredTranscript> of(String podcast, String episode) {
        var owned = episodes.owned(podcast, episode);
        return find(owned).map(StoredTranscript::of);
    }

    /**
     * The transcript read from {@code parsed} in place of any other, checked against the audio; in
     * {@code language}, else the one it had, else the show's. {@code ifMatch} as for chapters; with
     * no transcript yet, any If-Match fails (RFC 9110 §13.1.1); {@code onlyIfNone} (If-None-Match: *)
     * fails when there is one: a first upload that must not replace someone else's.
     */
    public Replaced replace(String podcast, String episode, ParsedTranscript parsed, Optional<String> language,
                            Optional<String> ifMatch, boolean onlyIfNone) {
        var owned = episodes.owned(podcast, episode);
        // Two first uploads at once would both insert: the episode's row orders them.
        em.lock(owned, LockModeType.PESSIMISTIC_WRITE);
        var current = find(owned);
        requireMatch(ifMatch, current);
        if (onlyIfNone && current.isPresent()) {
            throw ProblemException.preconditionFailed("transcripts.alreadyStored", current.get().etag());
        }
        var transcript = store(owned, current, parsed,
                language.or(() -> current.map(Transcript::language)).orElseGet(() -> owned.podcast().fields().language()));
        return new Replaced(StoredTranscript.of(transcript), current.isEmpty());
    }

    /** {@code created}: there was none before. */
    public record Replaced(StoredTranscript transcript, boolean created) {
    }

    public void delete(String podcast, String episode, Optional<String> ifMatch) {
        var owned = episodes.owned(podcast, episode);
        em.lock(owned, LockModeType.PESSIMISTIC_WRITE);
        var current = find(owned);
        if (current.isEmpty()) {
            throw noTranscript(podcast, episode);
        }
        requireMatch(ifMatch, current);
        em.remove(current.get());
        owned.transcriptChanged(Optional.empty(), Optional.empty());
        changes.fire(new TranscriptChanged(owned.podcast().id(), owned.id()));
    }

    /** A title for each of the episode's chapters, from the first words said after its start. */
    public List<ChapterTitles.Suggestion> chapterTitles(String podcast, String episode) {
        var owned = episodes.owned(podcast, episode);
        var transcript = find(owned).orElseThrow(() -> noTranscript(podcast, episode));
        return ChapterTitles.suggest(owned.chapters(), transcript.cues());
    }

    /**
     * A transcript brought with an episode moved in from another host, stored in the transaction
     * that saves the episode (a job resumed after a restart has no caller, hence {@code @PermitAll};
     * the import checked who owns the show).
     */
    @PermitAll
    public void storeImported(long episodeId, ParsedTranscript parsed, String language) {
        var episode = em.find(Episode.class, episodeId, LockModeType.PESSIMISTIC_WRITE);
        store(episode, find(episode), parsed, language);
    }

    private Transcript store(Episode episode, Optional<Transcript> current, ParsedTranscript parsed, String language) {
        var cues = checked(parsed, language, episode.audio().durationMs());
        current.ifPresent(existing -> existing.replace(language, parsed.format().id(), cues));
        var transcript = current.orElseGet(() -> {
            var made = new Transcript(episode, language, parsed.format().id(), cues);
            em.persist(made);
            return made;
        });
        episode.transcriptChanged(Optional.of(transcript.language()), cues.stream().map(Cue::endMs).max(Long::compare));
        em.flush();
        changes.fire(new TranscriptChanged(episode.podcast().id(), episode.id()));
        return transcript;
    }

    /** The file's cues, or every problem at once: the language's too. */
    private static List<Cue> checked(ParsedTranscript parsed, String language, long durationMs) {
        var problems = new ArrayList<>(LanguageTag.check("language", language, new Violations()).list());
        List<Cue> cues = List.of();
        try {
            cues = parsed.checked(durationMs);
        } catch (InvalidInput invalid) {
            problems.addAll(invalid.violations());
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(CueRules.NOT_SAVED, problems);
        }
        return cues;
    }

    private Optional<Transcript> find(Episode episode) {
        return em.createNamedQuery(Transcript.OF_EPISODE, Transcript.class).setParameter("episode", episode.id())
                .getResultStream().findFirst();
    }

    private static void requireMatch(Optional<String> ifMatch, Optional<Transcript> current) {
        if (current.isPresent()) {
            Preconditions.requireMatch(ifMatch, current.get().etag());
        } else if (ifMatch.filter(header -> !header.isBlank()).isPresent()) {
            throw ProblemException.preconditionFailed("transcripts.ifMatch.deleted", ifMatch.get());
        }
    }

    private static ProblemException noTranscript(String podcast, String episode) {
        return ProblemException.notFound("transcripts.notFound", episode, podcast);
    }
}
