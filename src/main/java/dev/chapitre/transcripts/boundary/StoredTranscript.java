package dev.chapitre.transcripts.boundary;

import dev.chapitre.podcasts.entity.Person;
import dev.chapitre.transcripts.control.SpeakerMatch;
import dev.chapitre.transcripts.entity.Cue;
import dev.chapitre.transcripts.entity.Transcript;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A transcript as read in its transaction (its cues load lazily): the cues, the language, the format
 * it was sent in, when it last changed, its validator, and which speakers are credited persons.
 */
public record StoredTranscript(String language, String sourceFormat, List<Cue> cues, Instant updatedAt, String etag,
                               Map<String, Person> speakers) {

    static StoredTranscript of(Transcript transcript) {
        var cues = transcript.cues();
        var episode = transcript.episode();
        var persons = new ArrayList<>(episode.persons());
        persons.addAll(episode.podcast().fields().persons());
        return new StoredTranscript(transcript.language(), transcript.sourceFormat(), cues, transcript.updatedAt(),
                transcript.etag(), SpeakerMatch.of(speakersIn(cues), persons));
    }

    /** Every speaker, in the order they first speak. */
    public static Set<String> speakersIn(List<Cue> cues) {
        var speakers = new LinkedHashSet<String>();
        cues.forEach(cue -> cue.speaker().ifPresent(speakers::add));
        return speakers;
    }
}
