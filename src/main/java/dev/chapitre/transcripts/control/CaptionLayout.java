package dev.chapitre.transcripts.control;

import dev.chapitre.transcripts.entity.Cue;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * How a stored cue is shown as captions: lines of at most {@value #MAX_LINE} characters (Apple's
 * recommendation for captions, which players follow), at most {@value #MAX_LINES} lines on screen.
 * A longer cue becomes consecutive captions sharing its time in proportion to their characters, so
 * the words still appear about when they are said. The cue's own line breaks are kept.
 */
final class CaptionLayout {

    static final int MAX_LINE = 65;
    static final int MAX_LINES = 2;
    private static final Pattern SPACES = Pattern.compile("\\s+");

    /** One caption: contiguous with the next, together exactly the cue's time. */
    record Part(long startMs, long endMs, List<String> lines) {
    }

    private CaptionLayout() {
    }

    /** {@code prefix} is shown before the first line (SRT's "Marie: "), and counts in its width. */
    static List<Part> parts(Cue cue, String prefix) {
        var lines = wrap(prefix + cue.text());
        long duration = cue.endMs() - cue.startMs();
        int count = (lines.size() + MAX_LINES - 1) / MAX_LINES;
        if (count <= 1 || duration < count) {
            // too short to share (stored cues are at least 1 ms; this only guards the arithmetic)
            return List.of(new Part(cue.startMs(), cue.endMs(), lines));
        }
        long total = lines.stream().mapToLong(String::length).sum();
        var parts = new ArrayList<Part>(count);
        long start = cue.startMs(), characters = 0;
        for (int k = 0; k < count; k++) {
            var group = lines.subList(k * MAX_LINES, Math.min(lines.size(), (k + 1) * MAX_LINES));
            characters += group.stream().mapToLong(String::length).sum();
            long end = k == count - 1 ? cue.endMs()
                    : Math.min(Math.max(cue.startMs() + duration * characters / total, start + 1), cue.endMs() - (count - 1 - k));
            parts.add(new Part(start, end, List.copyOf(group)));
            start = end;
        }
        return parts;
    }

    /** Each line of the text wrapped at spaces into lines of at most {@value #MAX_LINE}; a longer word is cut. Blank lines go. */
    static List<String> wrap(String text) {
        var wrapped = new ArrayList<String>();
        for (var line : text.split("\n")) {
            var stripped = line.strip();
            if (stripped.length() <= MAX_LINE) {
                if (!stripped.isEmpty()) {
                    wrapped.add(stripped);
                }
                continue;
            }
            var current = new StringBuilder();
            for (var word : SPACES.split(stripped)) {
                while (word.length() > MAX_LINE) {
                    flush(current, wrapped);
                    int cut = Character.isHighSurrogate(word.charAt(MAX_LINE - 1)) ? MAX_LINE - 1 : MAX_LINE; // never half an emoji
                    wrapped.add(word.substring(0, cut));
                    word = word.substring(cut);
                }
                if (current.length() > 0 && current.length() + 1 + word.length() > MAX_LINE) {
                    flush(current, wrapped);
                }
                if (current.length() > 0) {
                    current.append(' ');
                }
                current.append(word);
            }
            flush(current, wrapped);
        }
        return wrapped;
    }

    private static void flush(StringBuilder current, List<String> lines) {
        if (current.length() > 0) {
            lines.add(current.toString());
            current.setLength(0);
        }
    }
}
