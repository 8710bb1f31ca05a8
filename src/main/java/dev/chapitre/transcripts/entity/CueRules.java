package dev.chapitre.transcripts.entity;

import dev.chapitre.platform.control.XmlText;
import dev.chapitre.platform.entity.InvalidInput;
import dev.chapitre.platform.entity.Message;
import dev.chapitre.platform.entity.Violation;
import dev.chapitre.platform.entity.Violations;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules every transcript obeys, whatever format it came in: cues in order of their start, each
 * ending after it starts and within the audio, with words in it. {@link #validated} reports every
 * broken rule at once, by the cue's index (the format's reader puts them on their lines).
 */
public final class CueRules {

    /** A three-hour episode transcribed word by word has about 30,000; more is not a transcript. */
    public static final int MAX_CUES = 50_000;
    public static final int MAX_TEXT = 10_000;
    public static final int MAX_SPEAKER = 255;
    /**
     * Editing tools and our MP3 inspector measure a file's length a few frames apart: a last cue
     * that ends up to a second after the audio is ended at the audio's end rather than refused.
     */
    public static final long END_TOLERANCE_MS = 1000;
    public static final Message NOT_SAVED = Message.of("transcripts.notSaved");

    private CueRules() {
    }

    /** A rule broken by the cue at {@code index} (from 0) of the input, worded by the key {@code reason} with its arguments. */
    public static Violation violation(int index, String field, String reason, Object... arguments) {
        return violation(index, field, Message.of(reason, arguments));
    }

    /** A rule broken by the cue at {@code index} (from 0) of the input. */
    public static Violation violation(int index, String field, Message reason) {
        return Violation.ofItem("cue", index, field, reason);
    }

    /** The cues as they will be stored, or {@link InvalidInput} listing everything wrong. */
    public static List<Cue> validated(List<Cue> incoming, long durationMs) {
        var violations = new Violations();
        check(incoming, durationMs, violations);
        violations.throwIfAny(NOT_SAVED);
        var kept = new ArrayList<Cue>(incoming.size());
        for (var cue : incoming) {
            kept.add(cue.endMs() > durationMs ? cue.endingAt(durationMs) : cue);
        }
        return kept;
    }

    /** Adds a violation for each rule the cues break; nothing is thrown. */
    public static void check(List<Cue> incoming, long durationMs, Violations violations) {
        if (incoming.isEmpty()) {
            violations.add("cues", "transcripts.cues.none");
        }
        if (incoming.size() > MAX_CUES) {
            violations.add("cues", "transcripts.cues.tooMany", incoming.size(), MAX_CUES);
            return; // each of them checked would only list more of the same file
        }
        for (int i = 0; i < incoming.size(); i++) {
            var cue = incoming.get(i);
            checkTimes(i, cue, durationMs, violations);
            if (i > 0 && cue.startMs() < incoming.get(i - 1).startMs()) {
                violations.add(violation(i, "start", "transcripts.cue.start.beforePrevious",
                        clock(cue.startMs()), clock(incoming.get(i - 1).startMs())));
            }
            checkText(i, cue.text(), violations);
            int index = i;
            cue.speaker().ifPresent(speaker -> checkSpeaker(index, speaker, violations));
        }
    }

    private static void checkTimes(int i, Cue cue, long durationMs, Violations violations) {
        if (cue.startMs() < 0) {
            violations.add(violation(i, "start", "transcripts.cue.negative"));
        } else if (cue.startMs() >= durationMs) {
            violations.add(violation(i, "start", "transcripts.cue.start.afterAudio", clock(cue.startMs()), clock(durationMs)));
        } else if (cue.endMs() > durationMs + END_TOLERANCE_MS) {
            violations.add(violation(i, "end", "transcripts.cue.end.afterAudio", clock(cue.endMs()), clock(durationMs)));
        }
        if (cue.endMs() <= cue.startMs()) {
            violations.add(cue.endMs() == cue.startMs()
                    ? violation(i, "end", "transcripts.cue.end.atStart", clock(cue.endMs()), clock(cue.startMs()))
                    : violation(i, "end", "transcripts.cue.end.beforeStart", clock(cue.endMs()), clock(cue.startMs())));
        }
    }

    private static void checkText(int i, String text, Violations violations) {
        if (text == null || text.isBlank()) {
            violations.add(violation(i, "text", "transcripts.cue.text.empty"));
        } else if (text.length() > MAX_TEXT) {
            violations.add(violation(i, "text", "platform.tooLong", MAX_TEXT));
        } else {
            XmlText.rule(text).ifPresent(rule -> violations.add(violation(i, "text", rule)));
        }
    }

    private static void checkSpeaker(int i, String speaker, Violations violations) {
        if (speaker.length() > MAX_SPEAKER) {
            violations.add(violation(i, "speaker", "platform.tooLong", MAX_SPEAKER));
        } else if (speaker.codePoints().anyMatch(Character::isISOControl)) {
            violations.add(violation(i, "speaker", "transcripts.cue.speaker.control"));
        } else {
            XmlText.rule(speaker).ifPresent(rule -> violations.add(violation(i, "speaker", rule)));
        }
    }

    /** 01:02:03.456: how producers' tools and the formats write a time. */
    public static String clock(long ms) {
        long h = ms / 3_600_000, m = ms / 60_000 % 60, s = ms / 1000 % 60;
        return String.format("%02d:%02d:%02d.%03d", h, m, s, Math.abs(ms % 1000));
    }
}
