package dev.chapitre.transcripts.control;

import dev.chapitre.platform.entity.Message;
import dev.chapitre.platform.entity.Violation;
import dev.chapitre.transcripts.entity.Cue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** What a reader collects as it goes: cues with their lines, and problems with theirs. */
final class ReadCues {

    private final List<Cue> cues = new ArrayList<>();
    private final List<Integer> lines = new ArrayList<>();
    private final List<Integer> positions = new ArrayList<>();
    private final List<Violation> problems = new ArrayList<>();
    /** Cues read and pieces that could not be: each is a cue of the file, numbered as the producer counts them. */
    private int blocks;
    private int lastProblemLine = -1;
    /** Problems past {@link ParsedTranscript#MAX_LISTED}: counted, not kept (a 10 MiB file of garbage is millions). */
    private int unlisted;

    void add(Cue cue, int line) {
        cues.add(cue);
        lines.add(line);
        positions.add(blocks++);
    }

    /**
     * A piece of the file that is no cue; it keeps its place in the count, so that the cues after it
     * are numbered as in the file. Several problems on one line are one piece.
     */
    void problem(int line, String field, Message reason) {
        int index = line == lastProblemLine ? blocks - 1 : blocks++;
        lastProblemLine = line;
        listOrCount(new Violation(field, reason, Optional.of(new Violation.Item("cue", index, OptionalInt.of(line)))));
    }

    /** Text that belongs to no cue, reported with the cue it comes before (it takes no place in the count). */
    void problemBefore(int line, String field, Message reason) {
        listOrCount(new Violation(field, reason, Optional.of(new Violation.Item("cue", blocks, OptionalInt.of(line)))));
    }

    private void listOrCount(Violation problem) {
        if (problems.size() < ParsedTranscript.MAX_LISTED) {
            problems.add(problem);
        } else {
            unlisted++;
        }
    }

    /** A problem with the file as a whole, with no cue to place it on. */
    void fileProblem(Message reason) {
        problems.add(new Violation("file", reason));
    }

    /** Labels such as "Marie: " become speakers, when the file uses them as labels (see {@link SpeakerLabels}). */
    void labelSpeakers() {
        var labelled = List.copyOf(SpeakerLabels.apply(cues));
        cues.clear();
        cues.addAll(labelled);
    }

    ParsedTranscript result(TranscriptFormat format) {
        return new ParsedTranscript(format, cues, lines, positions, problems, unlisted);
    }

    static String abbreviated(String text) {
        return text.length() > 60 ? text.substring(0, 57) + "…" : text;
    }
}
