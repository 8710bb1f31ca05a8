package dev.chapitre.chapters.control;

import dev.chapitre.chapters.entity.Chapter;
import dev.chapitre.chapters.entity.ChapterList;
import dev.chapitre.chapters.entity.ChapterTime;
import dev.chapitre.platform.control.JsonLimits;
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
            throw new ChapterFormatException("A number in the body cannot be read (" + e.getMessage() + "): times are seconds, such as 754.3.");
        }
    }

    private static List<Chapter> readDocument(String body) {
        JsonValue value;
        JsonLimits.broken(body == null ? "" : body).ifPresent(reason -> {
            throw new ChapterFormatException("The body is beyond what a chapters document needs: " + reason + ".");
        });
        try (var reader = Json.createReader(new StringReader(body == null ? "" : body))) {
            value = reader.readValue();
        } catch (JsonParsingException e) {
            throw new ChapterFormatException("The body is not valid JSON: " + e.getMessage());
        } catch (jakarta.json.JsonException e) {
            throw new ChapterFormatException("The body is not valid JSON: " + e.getMessage());
        }
        if (!(value instanceof JsonObject document)) {
            throw new ChapterFormatException("A chapters document is a JSON object: {\"version\":\"1.2.0\",\"chapters\":[…]}.");
        }
        if (!(document.get("chapters") instanceof JsonArray array)) {
            throw new ChapterFormatException("The document has no \"chapters\" array.");
        }
        var chapters = new ArrayList<Chapter>();
        var violations = new Violations();
        for (int i = 0; i < array.size(); i++) {
            if (!(array.get(i) instanceof JsonObject item)) {
                violations.add(ChapterList.violation(i, "chapter", "must be an object"));
                continue;
            }
            var start = item.get("startTime");
            if (!(start instanceof JsonNumber number)) {
                violations.add(ChapterList.violation(i, "startTime", start == null ? "is required" : "must be a number of seconds"));
                continue;
            }
            var title = text(item, "title", i, violations);
            var url = text(item, "url", i, violations);
            var img = text(item, "img", i, violations);
            var toc = item.get("toc");
            if (toc != null && toc != JsonValue.TRUE && toc != JsonValue.FALSE && toc != JsonValue.NULL) {
                violations.add(ChapterList.violation(i, "toc", "must be true or false"));
            }
            var end = item.get("endTime");
            if (end != null && end != JsonValue.NULL && !(end instanceof JsonNumber)) {
                violations.add(ChapterList.violation(i, "endTime", "must be a number of seconds"));
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
        violations.add(ChapterList.violation(index, field, "must be a string"));
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
