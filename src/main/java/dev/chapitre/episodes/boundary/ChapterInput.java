package dev.chapitre.episodes.boundary;

import dev.chapitre.chapters.control.ChapterJson;
import dev.chapitre.chapters.entity.Chapter;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.util.List;

/** Chapters given inline with an episode: a chapters document, or just its "chapters" array. */
public final class ChapterInput {

    private ChapterInput() {
    }

    public static List<Chapter> fromEpisodeJson(JsonValue value) {
        var document = value.getValueType() == JsonValue.ValueType.ARRAY
                ? Json.createObjectBuilder().add("chapters", value).build()
                : value;
        return ChapterJson.read(document.toString());
    }
}
