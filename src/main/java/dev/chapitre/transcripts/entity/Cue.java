package dev.chapitre.transcripts.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Objects;
import java.util.Optional;

/**
 * One timed piece of a transcript: when it is said (milliseconds from the start of the audio), who
 * says it when the transcript tells, and what is said. Text may hold line breaks; formats decide how
 * to lay it out.
 */
@Embeddable
public class Cue {

    @Column(name = "start_ms", nullable = false)
    private long startMs;
    @Column(name = "end_ms", nullable = false)
    private long endMs;
    @Column(name = "speaker", length = 2 * CueRules.MAX_SPEAKER) // the limit counts characters; the column UTF-16 units
    private String speaker;
    @Column(name = "body", nullable = false, length = 2 * CueRules.MAX_TEXT)
    private String text;

    protected Cue() {
    }

    public Cue(long startMs, long endMs, Optional<String> speaker, String text) {
        this.startMs = startMs;
        this.endMs = endMs;
        this.speaker = speaker.map(String::strip).filter(name -> !name.isEmpty()).orElse(null);
        this.text = text;
    }

    public long startMs() {
        return startMs;
    }

    public long endMs() {
        return endMs;
    }

    public Optional<String> speaker() {
        return Optional.ofNullable(speaker);
    }

    public String text() {
        return text;
    }

    /** The same words, ending at {@code end}. */
    public Cue endingAt(long end) {
        return new Cue(startMs, end, speaker(), text);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Cue c && startMs == c.startMs && endMs == c.endMs && Objects.equals(speaker, c.speaker)
                && Objects.equals(text, c.text);
    }

    @Override
    public int hashCode() {
        return Objects.hash(startMs, endMs, speaker, text);
    }

    @Override
    public String toString() {
        return startMs + "–" + endMs + "ms " + (speaker == null ? "" : speaker + ": ") + text;
    }
}
