package dev.chapitre.chapters.control;

import dev.chapitre.chapters.entity.Chapter;
import dev.chapitre.chapters.entity.ChapterTime;
import dev.chapitre.platform.entity.Message;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The mp4chaps/Podlove text form, one chapter a line: {@code HH:MM:SS[.mmm] Title [<https://link>]}.
 * Lines that break the form are reported with their line number; blank lines are skipped.
 */
public final class ChapterText {

    /** The chapters, and for each the line it came from (to report rule violations by line). */
    public record Parsed(List<Chapter> chapters, List<Integer> lines) {
    }

    private static final Pattern LINE = Pattern.compile(
            "(\\d{1,3}):([0-5]\\d):([0-5]\\d)(?:[.,](\\d{1,3}))?(?:\\s+(.*?))?(?:\\s*<([^<>\\s]+)>)?\\s*");

    private ChapterText() {
    }

    private static final LineForm FORM = new LineForm() {
        @Override
        public Optional<Chapter> chapter(String line) {
            var m = LINE.matcher(line);
            if (!m.matches()) {
                return Optional.empty();
            }
            var fraction = m.group(4) == null ? "0" : (m.group(4) + "00").substring(0, 3);
            long ms = Long.parseLong(m.group(1)) * 3_600_000 + Long.parseLong(m.group(2)) * 60_000
                    + Long.parseLong(m.group(3)) * 1000 + Long.parseLong(fraction);
            return Optional.of(new Chapter(ms, m.group(5) == null ? "" : m.group(5).strip(), m.group(6), null, true));
        }

        @Override
        public Message expected() {
            return Message.of("chapters.line.mp4chaps");
        }
    };

    public static Parsed read(String text) {
        return FORM.read(text, false);
    }

    public static String write(List<Chapter> chapters) {
        var text = new StringBuilder();
        for (var chapter : chapters) {
            text.append(ChapterTime.format(chapter.startMs())).append(' ').append(chapter.title());
            chapter.url().ifPresent(url -> text.append(" <").append(url).append('>'));
            text.append('\n');
        }
        return text.toString();
    }
}
