package dev.chapitre.transcripts.control;

import dev.chapitre.platform.entity.InvalidInput;
import dev.chapitre.platform.entity.Message;
import dev.chapitre.platform.entity.Violation;
import dev.chapitre.platform.entity.Violations;
import dev.chapitre.transcripts.entity.Cue;
import dev.chapitre.transcripts.entity.CueRules;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a reader found in a file: the cues, the line of each cue's timing (1-based), and the problems
 * that kept a piece of the file from being a cue. Nothing is refused while reading, so that
 * {@link #checked} can tell the producer every problem of the file at once, line by line.
 *
 * <p>A cue whose end the file does not tell (the last line of timestamped text: it lasts until the
 * audio ends, which the reader does not know) ends at {@link #OPEN_END}; {@link #checked} ends it
 * at the audio's end.
 */
public record ParsedTranscript(TranscriptFormat format, List<Cue> cues, List<Integer> lines, List<Integer> positions,
                               List<Violation> problems, int unlistedProblems) {

    public static final long OPEN_END = Long.MAX_VALUE;
    /** What a 422 lists at most: enough to fix a file, and no answer the size of the file. */
    static final int MAX_LISTED = 100;

    public ParsedTranscript {
        if (cues.size() != lines.size() || cues.size() != positions.size()) {
            throw new IllegalArgumentException(cues.size() + " cues but " + lines.size() + " lines, " + positions.size() + " positions");
        }
        cues = List.copyOf(cues);
        lines = List.copyOf(lines);
        positions = List.copyOf(positions);
        problems = List.copyOf(problems);
    }

    /** The cues as they will be stored, or {@link InvalidInput} with the problems and the broken rules, in the order of the file. */
    public List<Cue> checked(long durationMs) {
        var ended = new ArrayList<Cue>(cues.size());
        var open = new HashSet<Integer>();
        for (var cue : cues) {
            if (cue.endMs() == OPEN_END) {
                open.add(ended.size());
            }
            ended.add(cue.endMs() == OPEN_END ? cue.endingAt(durationMs) : cue);
        }
        var broken = new Violations();
        CueRules.check(ended, durationMs, broken);
        var all = new ArrayList<Violation>(problems);
        for (var violation : broken.list()) {
            // "there are no cues" says nothing more when the cues were lost to problems listed above
            if (violation.item().isPresent() ? !aboutAnOpenEnd(violation, open) : problems.isEmpty()) {
                all.add(inTheFile(violation.onLines(lines)));
            }
        }
        if (all.isEmpty() && unlistedProblems == 0) {
            return CueRules.validated(ended, durationMs);
        }
        all.sort(Comparator.comparingInt(ParsedTranscript::line));
        int unlisted = unlistedProblems + Math.max(0, all.size() - MAX_LISTED);
        if (unlisted > 0) {
            all.subList(Math.min(MAX_LISTED, all.size()), all.size()).clear();
            all.add(new Violation("file", more(unlisted)));
        }
        throw new InvalidInput(CueRules.NOT_SAVED, all);
    }

    /** The rule broken by the i-th cue read, numbered as the file's i-th cue (unreadable ones count too). */
    private Violation inTheFile(Violation violation) {
        return new Violation(violation.field(), violation.reason(), violation.item()
                .map(item -> new Violation.Item(item.kind(), positions.get(item.index()), item.line())));
    }

    private static Message more(int unlisted) {
        return Message.of("transcripts.file.more", unlisted);
    }

    /** The producer wrote no end for these cues: the rule about its start says what is wrong. */
    private static boolean aboutAnOpenEnd(Violation violation, Set<Integer> open) {
        return violation.field().equals("end") && open.contains(violation.item().orElseThrow().index());
    }

    /** Violations about the whole file come first, then by line (the sort is stable). */
    private static int line(Violation violation) {
        return violation.item().map(item -> item.line().orElse(0)).orElse(0);
    }
}
