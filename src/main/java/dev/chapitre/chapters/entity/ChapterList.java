package dev.chapitre.chapters.entity;

import dev.chapitre.platform.control.WebUrls;
import dev.chapitre.platform.control.XmlText;
import dev.chapitre.platform.entity.InvalidInput;
import dev.chapitre.platform.entity.Message;
import dev.chapitre.platform.entity.Violation;
import dev.chapitre.platform.entity.Violations;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;

/**
 * The rules every chapter list obeys, wherever it comes from (API, editor import, the MP3's own
 * ID3 chapters): at most 255 chapters (an ID3 CTOC holds no more), starts within the audio and
 * distinct, titles of 1–255 characters without control characters, links and images as absolute
 * http(s) URLs. {@link #validated} reports every violation at once, by the chapter's input index.
 */
public final class ChapterList {

    public static final int MAX_CHAPTERS = 255;
    public static final int MAX_TITLE = 255;

    /** What {@link InvalidInput} says when chapters break a rule, whatever they were read from. */
    public static final Message NOT_SAVED = Message.of("chapters.notSaved");

    /** A rule broken by the chapter at {@code index} (from 0) of the input. */
    public static Violation violation(int index, String field, Message reason) {
        return Violation.ofItem("chapter", index, field, reason);
    }

    /** A rule broken by the chapter at {@code index} (from 0) of the input, worded by the key {@code reason}. */
    public static Violation violation(int index, String field, String reason, Object... arguments) {
        return violation(index, field, Message.of(reason, arguments));
    }

    private ChapterList() {
    }

    /** The chapters sorted by start time, or {@link InvalidInput} listing everything wrong. */
    public static List<Chapter> validated(List<Chapter> incoming, long durationMs) {
        var violations = new Violations();
        if (incoming.size() > MAX_CHAPTERS) {
            violations.add("chapters", "chapters.tooMany", incoming.size(), MAX_CHAPTERS);
        }
        var firstIndexAt = new HashMap<Long, Integer>();
        for (int i = 0; i < incoming.size(); i++) {
            var chapter = incoming.get(i);
            checkStart(i, chapter.startMs(), durationMs, violations);
            var earlier = firstIndexAt.putIfAbsent(chapter.startMs(), i);
            if (earlier != null) {
                violations.add(violation(i, "startTime", "chapters.startTime.taken", earlier + 1));
            }
            checkTitle(i, chapter.title(), violations);
            int index = i;
            chapter.url().ifPresent(url -> checkUrl(index, "url", url, violations));
            chapter.img().ifPresent(img -> checkUrl(index, "img", img, violations));
        }
        violations.throwIfAny(NOT_SAVED);
        var sorted = new ArrayList<>(incoming);
        sorted.sort(Comparator.comparingLong(Chapter::startMs));
        return sorted;
    }

    private static void checkStart(int i, long startMs, long durationMs, Violations violations) {
        if (startMs < 0) {
            violations.add(violation(i, "startTime", "chapters.startTime.negative"));
        } else if (startMs >= durationMs) {
            violations.add(violation(i, "startTime", "chapters.startTime.pastTheEnd", ChapterTime.format(startMs),
                    ChapterTime.format(durationMs)));
        }
    }

    private static void checkTitle(int i, String title, Violations violations) {
        if (title == null || title.isBlank()) {
            violations.add(violation(i, "title", "platform.required"));
        } else if (title.codePointCount(0, title.length()) > MAX_TITLE) {
            violations.add(violation(i, "title", "platform.tooLong", MAX_TITLE));
        } else if (title.codePoints().anyMatch(Character::isISOControl)) {
            violations.add(violation(i, "title", "chapters.title.control"));
        } else {
            XmlText.rule(title).ifPresent(rule -> violations.add(violation(i, "title", rule)));
        }
    }

    private static void checkUrl(int i, String field, String value, Violations violations) {
        if (!WebUrls.isAbsoluteHttp(value)) {
            violations.add(violation(i, field, WebUrls.RULE));
        }
    }

}
