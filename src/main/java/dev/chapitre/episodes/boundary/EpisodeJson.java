package dev.chapitre.episodes.boundary;

import dev.chapitre.chapters.control.ChapterJson;
import dev.chapitre.episodes.entity.Episode;
import dev.chapitre.episodes.entity.EpisodeFields;
import dev.chapitre.platform.boundary.JsonInput;
import dev.chapitre.platform.boundary.JsonOutput;
import dev.chapitre.platform.boundary.PublicUrls;
import dev.chapitre.platform.control.ProblemException;
import dev.chapitre.platform.control.PublicPaths;
import dev.chapitre.platform.entity.Message;
import dev.chapitre.podcasts.boundary.PersonJson;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/** The JSON form of an episode, and reading a client's JSON into {@link EpisodeFields}. */
public final class EpisodeJson {

    static final List<String> WRITABLE = List.of("slug", "title", "description", "publishedAt", "season", "number",
            "type", "explicit", "image", "persons");
    /** Accepted on create only: the chapters the producer already has. */
    static final String CHAPTERS = "chapters";
    static final Set<String> READ_ONLY = Set.of("guid", "audio", "status", "createdAt", "updatedAt", "transcript");

    private EpisodeJson() {
    }

    public static String mediaUrl(PublicUrls urls, Episode episode) {
        return urls.of(PublicPaths.audio(episode.podcast().slug(), episode.slug()));
    }

    public static JsonObject of(Episode episode, PublicUrls urls) {
        var audio = episode.audio();
        return writable(episode.fields())
                .add("guid", episode.guid())
                .add("status", episode.status(Instant.now()).name().toLowerCase(Locale.ROOT))
                .add("audio", JsonOutput.put(Json.createObjectBuilder()
                        .add("url", mediaUrl(urls, episode))
                        .add("length", audio.length())
                        .add("type", "audio/mpeg")
                        .add("durationMs", audio.durationMs())
                        .add("bitrate", audio.bitrateKbps())
                        .add("tagged", episode.isTagged()), "tagError", audio.tagError().orElse(null)))
                .add("chapters", ChapterJson.document(episode.publicChapters(urls.base()), true).build().getJsonArray("chapters"))
                .addAll(transcript(episode, urls))
                .add("createdAt", episode.createdAt().toString())
                .add("updatedAt", episode.updatedAt().toString())
                .build();
    }

    /** Where the public reads the transcript, once the episode is public; edited at …/transcript. */
    private static JsonObjectBuilder transcript(Episode episode, PublicUrls urls) {
        var json = Json.createObjectBuilder();
        episode.transcriptLanguage().ifPresent(language -> {
            var links = Json.createObjectBuilder();
            PublicPaths.TRANSCRIPT_EXTENSIONS.forEach(extension -> links.add(extension,
                    urls.of(PublicPaths.transcript(episode.podcast().slug(), episode.slug(), extension))));
            json.add("transcript", Json.createObjectBuilder().add("language", language).add("links", links));
        });
        return json;
    }

    static JsonObjectBuilder writable(EpisodeFields f) {
        var json = Json.createObjectBuilder()
                .add("slug", f.slug())
                .add("title", f.title());
        JsonOutput.put(json, "description", f.description());
        JsonOutput.put(json, "publishedAt", f.publishedAt() == null ? null : f.publishedAt().toString());
        JsonOutput.put(json, "season", f.season());
        JsonOutput.put(json, "number", f.number());
        json.add("type", f.type());
        JsonOutput.put(json, "explicit", f.explicit());
        JsonOutput.put(json, "image", f.image());
        return json.add("persons", PersonJson.array(f.persons()));
    }

    public static EpisodeFields fields(JsonInput input, boolean chaptersAllowed) {
        rejectUnknown(input.json(), chaptersAllowed);
        return new EpisodeFields(
                input.string("slug").orElse(null),
                input.string("title").orElse(null),
                input.string("description").orElse(null),
                input.string("publishedAt").map(EpisodeJson::instant).orElse(null),
                input.integer("season").orElse(null),
                input.integer("number").orElse(null),
                input.string("type").orElse(null),
                input.bool("explicit").orElse(null),
                input.string("image").orElse(null),
                PersonJson.list(input, "persons"));
    }

    /** A JSON Merge Patch (RFC 7396) applied to the episode's writable fields. */
    public static EpisodeFields patched(Episode episode, JsonObject patch) {
        var readOnly = new TreeSet<>(patch.keySet());
        readOnly.retainAll(READ_ONLY);
        if (patch.containsKey(CHAPTERS)) {
            readOnly.add(CHAPTERS);
        }
        if (!readOnly.isEmpty()) {
            // chapters and transcript have their own address: each says which, where it stands in the list
            throw ProblemException.unprocessable("episodes.patch.readOnly", listed(readOnly.stream()
                    .map(field -> field.equals(CHAPTERS) || field.equals("transcript") ? Message.of("episodes.patch.usePut", field) : field)
                    .toList()));
        }
        var merged = Json.createMergePatch(patch).apply(writable(episode.fields()).build());
        return fields(JsonInput.of(merged.asJsonObject(), ""), false);
    }

    private static Instant instant(String value) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw ProblemException.unprocessable("episodes.publishedAt.notDateTime", value);
        }
    }

    private static void rejectUnknown(JsonObject json, boolean chaptersAllowed) {
        var unknown = new TreeSet<>(json.keySet());
        unknown.removeAll(WRITABLE);
        unknown.removeAll(READ_ONLY);
        if (chaptersAllowed) {
            unknown.remove(CHAPTERS);
        }
        if (!unknown.isEmpty()) {
            throw ProblemException.unprocessable("episodes.fields.unknown", String.join(", ", unknown), String.join(", ", WRITABLE));
        }
    }

    /** "a, b, c": names, and messages worded in the reader's language. */
    private static Object listed(List<?> items) {
        Object list = items.get(0);
        for (var item : items.subList(1, items.size())) {
            list = Message.of("episodes.list.more", list, item);
        }
        return list;
    }

}
