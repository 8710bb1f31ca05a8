package dev.chapitre.chapters.control;

import dev.chapitre.chapters.entity.Chapter;
import dev.chapitre.chapters.entity.ChapterList;
import dev.chapitre.chapters.entity.ChapterTime;
import dev.chapitre.platform.control.JsonLimits;
import dev.chapitre.platform.entity.Message;
import dev.chapitre.platform.entity.Violations;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The Podcasting 2.0 JSON chapters format (version 1.2.0): times in float seconds, kept to the
 * millisecond.
 */
public final class ChapterJson {

    public static final String VERSION = "1.2.0";
    public static final String MEDIA_TYPE = "application/json+chapters";

    private ChapterJson() {
    }

    /** Reads a chapters document; shape errors are reported per chapter like rule violations. */
    public static List<Chapter> read(String body) {
        try {
            return readDocument(body);
        } catch (NumberFormatException | ArithmeticException e) {
            // a number such as 1e9999999999: short enough for JsonLimits, too large for any reader
            throw new ChapterFormatException(Message.of("chapters.json.unreadableNumber", String.valueOf(e.getMessage())));
        }
    }

    private static List<Chapter> readDocument(String body) {
        JsonValue value;
        JsonLimits.broken(body == null ? "" : body).ifPresent(reason -> {
            throw new ChapterFormatException(Message.of("chapters.json.beyondLimits", reason));
        });
        try (var reader = Json.createReader(new StringReader(body == null ? "" : body))) {
            value = reader.readValue();
        } catch (JsonParsingException e) {
            throw new ChapterFormatException(Message.of("platform.json.invalid", String.valueOf(e.getMessage())));
        } catch (jakarta.json.JsonException e) {
            throw new ChapterFormatException(Message.of("platform.json.invalid", String.valueOf(e.getMessage())));
        }
        if (!(value instanceof JsonObject document)) {
            throw new ChapterFormatException(Message.of("chapters.json.notObject"));
        }
        if (!(document.get("chapters") instanceof JsonArray array)) {
            throw new ChapterFormatException(Message.of("chapters.json.noChapters"));
        }
        var chapters = new ArrayList<Chapter>();
        var violations = new Violations();
        for (int i = 0; i < array.size(); i++) {
            if (!(array.get(i) instanceof JsonObject item)) {
                violations.add(ChapterList.violation(i, "chapter", "chapters.chapter.notObject"));
                continue;
            }
            var start = item.get("startTime");
            if (!(start instanceof JsonNumber number)) {
                violations.add(start == null ? ChapterList.violation(i, "startTime", "platform.required")
                        : ChapterList.violation(i, "startTime", "chapters.seconds"));
                continue;
            }
            var title = text(item, "title", i, violations);
            var url = text(item, "url", i, violations);
            var img = text(item, "img", i, violations);
            var toc = item.get("toc");
            if (toc != null && toc != JsonValue.TRUE && toc != JsonValue.FALSE && toc != JsonValue.NULL) {
                violations.add(ChapterList.violation(i, "toc", "chapters.trueOrFalse"));
            }
            var end = item.get("endTime");
            if (end != null && end != JsonValue.NULL && !(end instanceof JsonNumber)) {
                violations.add(ChapterList.violation(i, "endTime", "chapters.seconds"));
            }
            chapters.add(new Chapter(ChapterTime.fromSeconds(number.doubleValue()), title, url, img, toc != JsonValue.FALSE));
        }
        violations.throwIfAny(ChapterList.NOT_SAVED);
        return chapters;
    }

    private static String text(JsonObject item, String field, int index, Violations violations) {
        var value = item.get(field);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (value instanceof JsonString string) {
            return string.getString();
        }
        violations.add(ChapterList.violation(index, field, "chapters.string"));
        return null;
    }

    /** The document; {@code alwaysToc} writes "toc" on every chapter (the API), else only when false (the spec's default is true). */
    public static JsonObjectBuilder document(List<Chapter> chapters, boolean alwaysToc) {
        var list = Json.createArrayBuilder();
        for (var chapter : chapters) {
            var item = Json.createObjectBuilder().add("startTime", seconds(chapter.startMs())).add("title", chapter.title());
            chapter.url().ifPresent(url -> item.add("url", url));
            chapter.img().ifPresent(img -> item.add("img", img));
            if (alwaysToc || !chapter.toc()) {
                item.add("toc", chapter.toc());
            }
            list.add(item);
        }
        return Json.createObjectBuilder().add("version", VERSION).add("chapters", list);
    }

    /** 12000 ms → 12, 12345 ms → 12.345 (never an exponent). */
    public static BigDecimal seconds(long ms) {
        return ms % 1000 == 0 ? BigDecimal.valueOf(ms / 1000) : BigDecimal.valueOf(ms, 3).stripTrailingZeros();
    }
}
