package dev.chapitre.chapters.control;

import dev.chapitre.chapters.entity.Chapter;
import dev.chapitre.chapters.entity.ChapterList;
import dev.chapitre.chapters.entity.ChapterTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The mp4chaps/Podlove text form, one chapter a line: {@code HH:MM:SS[.mmm] Title [<https://link>]}.
 * Lines that break the form are reported with their line number; blank lines are skipped.
 */
public final class ChapterText {

    public static final String MEDIA_TYPE = "text/plain";

    /** The chapters, and for each the line it came from (to report rule violations by line). */
    public record Parsed(List<Chapter> chapters, List<Integer> lines) {
    }

    private static final Pattern LINE = Pattern.compile(
            "(\\d{1,3}):([0-5]\\d):([0-5]\\d)(?:[.,](\\d{1,3}))?(?:\\s+(.*?))?(?:\\s*<([^<>\\s]+)>)?\\s*");

    private ChapterText() {
    }

    public static Parsed read(String text) {
        var chapters = new ArrayList<Chapter>();
        var lines = new ArrayList<Integer>();
        var violations = new ArrayList<ChapterList.Violation>();
        var all = lines(text);
        for (int n = 0; n < all.size(); n++) {
            var line = all.get(n).strip();
            if (line.isEmpty()) {
                continue;
            }
            var m = LINE.matcher(line);
            if (!m.matches()) {
                violations.add(new ChapterList.Violation(-1, "line " + (n + 1),
                        "is not 'HH:MM:SS[.mmm] Title [<https://link>]': " + abbreviated(line)));
                continue;
            }
            var fraction = m.group(4) == null ? "0" : (m.group(4) + "00").substring(0, 3);
            long ms = Long.parseLong(m.group(1)) * 3_600_000 + Long.parseLong(m.group(2)) * 60_000
                    + Long.parseLong(m.group(3)) * 1000 + Long.parseLong(fraction);
            var title = m.group(5) == null ? "" : m.group(5).strip();
            chapters.add(new Chapter(ms, title, m.group(6), null, true));
            lines.add(n + 1);
        }
        if (!violations.isEmpty()) {
            throw new ChapterList.Invalid(violations);
        }
        return new Parsed(chapters, lines);
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

    /** The lines of a text file, whatever its line ends, without a UTF-8 byte order mark. */
    static List<String> lines(String text) {
        var body = text == null ? "" : text;
        if (body.startsWith("\uFEFF")) {
            body = body.substring(1);
        }
        return List.of(body.split("\r\n|\r|\n", -1));
    }

    static String abbreviated(String line) {
        return line.length() > 60 ? line.substring(0, 57) + "…" : line;
    }
}
