package dev.chapitre.chapters.control;

import dev.chapitre.chapters.entity.Chapter;
import dev.chapitre.platform.entity.Message;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;
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

    private static final LineForm FORM = new LineForm() {
        @Override
        public Optional<Chapter> chapter(String line) {
            var m = LINE.matcher(line);
            if (!m.matches()) {
                return Optional.empty();
            }
            long ms = new BigDecimal(m.group(1).replace(',', '.')).movePointRight(3).setScale(0, RoundingMode.HALF_UP).longValueExact();
            return Optional.of(new Chapter(ms, m.group(3) == null ? "" : m.group(3).strip(), null, null, true));
        }

        @Override
        public Message expected() {
            return Message.of("chapters.line.audacity");
        }

        @Override
        public boolean ignores(String line) {
            return line.startsWith("\\"); // the frequency range of a spectral label
        }
    };

    public static ChapterText.Parsed read(String text) {
        return FORM.read(text, false);
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
