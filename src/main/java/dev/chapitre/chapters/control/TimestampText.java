package dev.chapitre.chapters.control;

import dev.chapitre.chapters.entity.Chapter;
import dev.chapitre.platform.entity.Message;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Timestamps as people type them in video descriptions and show notes: {@code 0:00 Intro},
 * {@code 12:34 - Title}, {@code (1:02:03) Title}, {@code 125:30 Title} (minutes past an hour).
 * Strict, every non-blank line must be a chapter (the YouTube form); or lenient, lines without a
 * leading timestamp are prose and skipped (show notes).
 */
public final class TimestampText {

    private static final Pattern LINE = Pattern.compile(
            "^[\\s\\[(•*\\-–]*(?:(\\d{1,2}):)?(\\d{1,3}):([0-5]\\d)(?:[.,](\\d{1,3}))?[\\])]?\\s*(?:[-–—:|]\\s*)?(.*)$");

    private TimestampText() {
    }

    private static final LineForm FORM = new LineForm() {
        @Override
        public Optional<Chapter> chapter(String line) {
            var m = LINE.matcher(line);
            if (!m.matches() || (m.group(1) != null && Integer.parseInt(m.group(2)) > 59)) {
                return Optional.empty();
            }
            long hours = m.group(1) == null ? 0 : Long.parseLong(m.group(1));
            var fraction = m.group(4) == null ? "0" : (m.group(4) + "00").substring(0, 3);
            long ms = hours * 3_600_000 + Long.parseLong(m.group(2)) * 60_000 + Long.parseLong(m.group(3)) * 1000
                    + Long.parseLong(fraction);
            return Optional.of(new Chapter(ms, m.group(5).strip(), null, null, true));
        }

        @Override
        public Message expected() {
            return Message.of("chapters.line.timestamp");
        }
    };

    public static ChapterText.Parsed read(String text, boolean lenient) {
        return FORM.read(text, lenient);
    }

    /** {@code 0:00 Title}, {@code 1:02:03 Title}: what YouTube and most apps recognise (whole seconds). */
    public static String write(List<Chapter> chapters) {
        boolean hours = chapters.stream().anyMatch(c -> c.startMs() >= 3_600_000);
        var text = new StringBuilder();
        for (var chapter : chapters) {
            long s = chapter.startMs() / 1000;
            text.append(hours ? "%d:%02d:%02d".formatted(s / 3600, s / 60 % 60, s % 60) : "%d:%02d".formatted(s / 60, s % 60))
                    .append(' ').append(chapter.title()).append('\n');
        }
        return text.toString();
    }
}
