package dev.chapitre.transcripts.control;

import dev.chapitre.platform.entity.Message;
import dev.chapitre.transcripts.entity.Cue;
import dev.chapitre.transcripts.entity.CueRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plain text with a time at the start of each paragraph, as transcription apps export it:
 * {@code [00:01:02] Marie: Bonjour}, {@code [01:02]}, {@code [00:01:02.500]}, {@code (00:01:02)}, or a
 * bare {@code 00:01:02}. Lines without a time continue the cue above. The text gives only starts:
 * a cue ends where the next begins, and the last one at {@link ParsedTranscript#OPEN_END}.
 */
final class TimestampedText {

    private static final String CLOCK = "(?:(\\d{1,3}):([0-5]\\d):([0-5]\\d)|()(\\d{1,3}):([0-5]\\d))(?:[.,](\\d{1,3}))?";
    /** Bare times need the hours: "10:30 we met" is prose more often than a time. */
    static final Pattern STAMP = Pattern.compile("^(?:\\[" + CLOCK + "\\]|\\(" + CLOCK + "\\)|"
            + "(\\d{1,3}):([0-5]\\d):([0-5]\\d)(?:[.,](\\d{1,3}))?(?=\\s|$))[ \\t]*(?:[-–—|][ \\t]+)?");

    private TimestampedText() {
    }

    static ParsedTranscript read(String text) {
        var lines = TextLines.of(text);
        var starts = new ArrayList<Long>();
        var texts = new ArrayList<StringBuilder>();
        var at = new ArrayList<Integer>();
        var read = new ReadCues();
        boolean reported = false;
        for (int n = 0; n < lines.size(); n++) {
            var line = lines.get(n).strip();
            if (line.isEmpty()) {
                continue;
            }
            var m = STAMP.matcher(line);
            if (m.lookingAt()) {
                starts.add(start(m));
                texts.add(new StringBuilder(line.substring(m.end())));
                at.add(n + 1);
            } else if (texts.isEmpty()) {
                if (!reported) {
                    read.problemBefore(n + 1, "text", Message.of("transcripts.text.beforeFirstStamp", n + 1));
                    reported = true;
                }
            } else {
                var current = texts.get(texts.size() - 1);
                (current.isEmpty() ? current : current.append('\n')).append(line);
            }
        }
        for (int i = 0; i < starts.size(); i++) {
            if (i > 0 && starts.get(i).equals(starts.get(i - 1))) {
                // tools that write whole seconds do this; it is the line's time, not an end, that is wrong
                read.problem(at.get(i), "start", Message.of("transcripts.text.sameStart", CueRules.clock(starts.get(i))));
                continue;
            }
            int next = i + 1;
            while (next < starts.size() && starts.get(next).equals(starts.get(i))) {
                next++;
            }
            long end = next < starts.size() ? starts.get(next) : ParsedTranscript.OPEN_END;
            read.add(new Cue(starts.get(i), end, Optional.empty(), texts.get(i).toString()), at.get(i));
        }
        read.labelSpeakers();
        return read.result(TranscriptFormat.TEXT);
    }

    /** The first of the three forms that matched (groups of 7: bracketed, parenthesised; then 4 bare). */
    private static long start(Matcher m) {
        for (int first : new int[] {1, 8}) {
            if (m.group(first) != null) {
                return CueClock.ms(m.group(first), m.group(first + 1), m.group(first + 2), m.group(first + 6));
            }
            if (m.group(first + 4) != null) {
                return CueClock.ms(null, m.group(first + 4), m.group(first + 5), m.group(first + 6));
            }
        }
        return CueClock.ms(m.group(15), m.group(16), m.group(17), m.group(18));
    }

    /** One paragraph per speaker turn; the name written when it changes, the time on every cue. */
    static String write(List<Cue> cues) {
        var out = new StringBuilder(cues.size() * 80);
        // a single name written once would not read back as a label (SpeakerLabels needs two)
        boolean everyCue = cues.stream().filter(cue -> cue.speaker().isPresent()).count() >= SpeakerLabels.MIN_LABELLED
                && turns(cues) < SpeakerLabels.MIN_LABELLED;
        Optional<String> previous = Optional.empty();
        for (int i = 0; i < cues.size(); i++) {
            var cue = cues.get(i);
            boolean turn = !Objects.equals(cue.speaker(), previous);
            if (i > 0 && turn) {
                out.append('\n');
            }
            out.append('[').append(stamp(cue.startMs())).append("] ");
            if (cue.speaker().isPresent() && (turn || everyCue || SpeakerLabels.startsWithLabel(cue.text().strip()))) {
                out.append(cue.speaker().get()).append(": ");
            }
            out.append(cue.text().strip()).append('\n');
            previous = cue.speaker();
        }
        return out.toString();
    }

    private static long turns(List<Cue> cues) {
        long turns = 0;
        Optional<String> previous = Optional.empty();
        for (var cue : cues) {
            turns += cue.speaker().isPresent() && !cue.speaker().equals(previous) ? 1 : 0;
            previous = cue.speaker();
        }
        return turns;
    }

    /** 00:01:02, or 00:01:02.500 when the cue starts between seconds. */
    private static String stamp(long ms) {
        var clock = CueClock.format(ms, '.');
        return ms % 1000 == 0 ? clock.substring(0, clock.length() - 4) : clock;
    }
}
