package dev.chapitre.podcasts.boundary;

import dev.chapitre.platform.boundary.JsonInput;
import dev.chapitre.platform.boundary.JsonOutput;
import dev.chapitre.platform.boundary.PublicUrls;
import dev.chapitre.platform.control.ProblemException;
import dev.chapitre.platform.control.PublicPaths;
import dev.chapitre.podcasts.entity.Podcast;
import dev.chapitre.podcasts.entity.PodcastFields;
import dev.chapitre.podcasts.entity.TxtRecord;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The JSON form of a show, and reading a client's JSON into {@link PodcastFields}. */
public final class PodcastJson {

    static final List<String> WRITABLE = List.of("slug", "title", "description", "language", "author", "ownerName",
            "ownerEmail", "category", "subcategory", "explicit", "type", "link", "copyright", "locked", "medium", "persons", "txt", "redirectTo");
    static final Set<String> READ_ONLY = Set.of("guid", "feedUrl", "imageUrl", "createdAt", "updatedAt");

    private PodcastJson() {
    }

    public static String feedUrl(PublicUrls urls, String slug) {
        return urls.of(PublicPaths.feed(slug));
    }

    public static JsonObject of(Podcast podcast, PublicUrls urls) {
        var json = writable(podcast.fields())
                .add("guid", podcast.guid())
                .add("feedUrl", feedUrl(urls, podcast.slug()))
                .add("createdAt", podcast.createdAt().toString())
                .add("updatedAt", podcast.updatedAt().toString());
        podcast.artwork().ifPresentOrElse(
                art -> json.add("imageUrl", urls.of(PublicPaths.artwork(podcast.slug(), art.extension()))),
                () -> json.addNull("imageUrl"));
        return json.build();
    }

    static JsonObjectBuilder writable(PodcastFields f) {
        var json = Json.createObjectBuilder();
        json.add("slug", f.slug());
        json.add("title", f.title());
        JsonOutput.put(json, "description", f.description());
        JsonOutput.put(json, "language", f.language());
        JsonOutput.put(json, "author", f.author());
        JsonOutput.put(json, "ownerName", f.ownerName());
        JsonOutput.put(json, "ownerEmail", f.ownerEmail());
        JsonOutput.put(json, "category", f.category());
        JsonOutput.put(json, "subcategory", f.subcategory());
        json.add("explicit", Boolean.TRUE.equals(f.explicit()));
        JsonOutput.put(json, "type", f.type());
        JsonOutput.put(json, "link", f.link());
        JsonOutput.put(json, "copyright", f.copyright());
        json.add("locked", Boolean.TRUE.equals(f.locked()));
        JsonOutput.put(json, "medium", f.medium());
        json.add("persons", PersonJson.array(f.persons() == null ? List.of() : f.persons()));
        var txt = Json.createArrayBuilder();
        (f.txt() == null ? List.<TxtRecord>of() : f.txt()).forEach(record -> {
            var entry = Json.createObjectBuilder();
            record.purpose().ifPresent(purpose -> entry.add("purpose", purpose));
            txt.add(entry.add("text", record.text()));
        });
        json.add("txt", txt);
        JsonOutput.put(json, "redirectTo", f.redirectTo());
        return json;
    }

    public static PodcastFields fields(JsonInput input) {
        rejectUnknown(input.json());
        return new PodcastFields(
                input.string("slug").orElse(null),
                input.string("title").orElse(null),
                input.string("description").orElse(null),
                input.string("language").orElse(null),
                input.string("author").orElse(null),
                input.string("ownerName").orElse(null),
                input.string("ownerEmail").orElse(null),
                input.string("category").orElse(null),
                input.string("subcategory").orElse(null),
                input.bool("explicit").orElse(null),
                input.string("type").orElse(null),
                input.string("link").orElse(null),
                input.string("copyright").orElse(null),
                input.bool("locked").orElse(null),
                input.string("medium").orElse(null),
                PersonJson.list(input, "persons"),
                input.objects("txt").map(list -> list.stream().map(entry -> new TxtRecord(entry.string("purpose").orElse(null),
                        entry.string("text").orElse(null))).toList()).orElse(List.of()),
                input.string("redirectTo").orElse(null));
    }

    /** A JSON Merge Patch (RFC 7396) applied to the show's writable fields. */
    public static PodcastFields patched(Podcast podcast, JsonObject patch) {
        var readOnly = new TreeSet<>(patch.keySet());
        readOnly.retainAll(READ_ONLY);
        if (!readOnly.isEmpty()) {
            throw ProblemException.unprocessable("podcasts.readOnly", String.join(", ", readOnly));
        }
        var merged = Json.createMergePatch(patch).apply(writable(podcast.fields()).build());
        return fields(JsonInput.of(merged.asJsonObject(), ""));
    }

    private static void rejectUnknown(JsonObject json) {
        var unknown = new TreeSet<>(json.keySet());
        unknown.removeAll(WRITABLE);
        unknown.removeAll(READ_ONLY);
        if (!unknown.isEmpty()) {
            throw ProblemException.unprocessable("podcasts.unknownFields", String.join(", ", unknown), String.join(", ", WRITABLE));
        }
    }

}
