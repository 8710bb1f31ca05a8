package dev.chapitre.chapters.control;

import dev.chapitre.chapters.entity.Chapter;
import dev.chapitre.chapters.entity.ChapterList;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Audacity's label files (File › Export › Labels): {@code start<TAB>end<TAB>label}, times in
 * seconds with a point or, in some locales, a comma. Only the start counts: a chapter ends where
 * the next begins. Audacity's frequency lines (starting with a backslash) are skipped.
 */
public final class AudacityLabels {

    private static final Pattern LINE = Pattern.compile("(\\d+(?:[.,]\\d+)?)\\t(\\d+(?:[.,]\\d+)?)(?:\\t(.*))?");

    private AudacityLabels() {
    }

    public static ChapterText.Parsed read(String text) {
        var chapters = new ArrayList<Chapter>();
        var lines = new ArrayList<Integer>();
        var violations = new ArrayList<ChapterList.Violation>();
        var all = ChapterText.lines(text);
        for (int n = 0; n < all.size(); n++) {
            var line = all.get(n).strip();
            if (line.isEmpty() || line.startsWith("\\")) {
                continue;
            }
            var m = LINE.matcher(all.get(n).replaceAll("^\\s+|\\s+$", ""));
            if (!m.matches()) {
                violations.add(new ChapterList.Violation(-1, "line " + (n + 1),
                        "is not 'start<TAB>end<TAB>label' with times in seconds: " + ChapterText.abbreviated(line)));
                continue;
            }
            long ms = new BigDecimal(m.group(1).replace(',', '.')).movePointRight(3).setScale(0, RoundingMode.HALF_UP).longValueExact();
            chapters.add(new Chapter(ms, m.group(3) == null ? "" : m.group(3).strip(), null, null, true));
            lines.add(n + 1);
        }
        if (!violations.isEmpty()) {
            throw new ChapterList.Invalid(violations);
        }
        return new ChapterText.Parsed(chapters, lines);
    }

    /** Point labels (start = end), six decimals as Audacity writes them. */
    public static String write(List<Chapter> chapters) {
        var text = new StringBuilder();
        for (var chapter : chapters) {
            var seconds = ChapterJson.seconds(chapter.startMs()).setScale(6, RoundingMode.UNNECESSARY).toPlainString();
            text.append(seconds).append('\t').append(seconds).append('\t').append(chapter.title()).append('\n');
        }
        return text.toString();
    }
}
