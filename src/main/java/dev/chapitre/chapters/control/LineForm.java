package dev.chapitre.chapters.control;

import dev.chapitre.chapters.entity.Chapter;
import dev.chapitre.chapters.entity.ChapterList;
import dev.chapitre.platform.entity.Message;
import dev.chapitre.platform.entity.Violations;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A chapter format with one chapter a line. {@link #read} does what they all share: byte order
 * mark and any line ends, blank lines skipped, line numbers kept for each chapter, and every line
 * that is not of the form reported at once.
 */
interface LineForm {

    /** The chapter on this line (stripped, not blank); empty when the line is not of the form. */
    Optional<Chapter> chapter(String line);

    /** What a line of this form looks like, for the error message ("is not 'HH:MM:SS…'"). */
    Message expected();

    /** Lines that belong to the form but are no chapter (comments, other data). */
    default boolean ignores(String line) {
        return false;
    }

    /** {@code lenient}: lines not of the form are prose, skipped rather than reported. */
    default ChapterText.Parsed read(String text, boolean lenient) {
        var chapters = new ArrayList<Chapter>();
        var lines = new ArrayList<Integer>();
        var violations = new Violations();
        var all = lines(text);
        for (int n = 0; n < all.size(); n++) {
            var line = all.get(n).strip();
            if (line.isEmpty() || ignores(line)) {
                continue;
            }
            var chapter = chapter(line);
            if (chapter.isPresent()) {
                chapters.add(chapter.get());
                lines.add(n + 1);
            } else if (!lenient) {
                violations.add("line " + (n + 1), Message.of("chapters.line.notOfTheForm", expected(), abbreviated(line)));
            }
        }
        violations.throwIfAny(ChapterList.NOT_SAVED);
        return new ChapterText.Parsed(chapters, lines);
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
