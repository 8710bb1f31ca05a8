package dev.chapitre.imports.boundary;

import dev.chapitre.imports.entity.ImportItem;
import dev.chapitre.imports.entity.ImportJob;
import dev.chapitre.imports.entity.ImportState;
import dev.chapitre.platform.control.PublicPaths;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An import job as the API shows it: state, progress, the new show, and the verification report
 * with the checklist to finish the move. The report grows as the items are done.
 */
final class ImportJson {

    private ImportJson() {
    }

    static JsonObject of(ImportJob job, List<ImportItem> items, String apiBase) {
        var json = Json.createObjectBuilder().add("id", job.id()).add("feedUrl", job.feedUrl()).add("state", job.state().json())
                .add("createdAt", job.createdAt().toString())
                .add("progress", Json.createObjectBuilder().add("episodesDone", job.doneItems()).add("episodesTotal", job.totalItems())
                        .add("bytesDownloaded", job.bytesDownloaded()).add("currentItem", job.currentItem()
                                .<JsonValue>map(Json::createValue).orElse(JsonValue.NULL)));
        job.finishedAt().ifPresent(at -> json.add("finishedAt", at.toString()));
        job.failure().ifPresent(failure -> json.add("failure", failure));
        var feedUrl = job.podcast().map(show -> job.baseUrl() + PublicPaths.feed(show.slug()));
        job.podcast().ifPresentOrElse(show -> json.add("show", Json.createObjectBuilder().add("slug", show.slug())
                        .add("title", show.title()).add("feedUrl", feedUrl.orElseThrow())
                        .add("url", apiBase + "/api/podcasts/" + show.slug())),
                () -> json.addNull("show"));
        json.add("report", report(job, items, feedUrl));
        return json.build();
    }

    private static JsonObjectBuilder report(ImportJob job, List<ImportItem> items, Optional<String> newFeedUrl) {
        var episodes = Json.createArrayBuilder();
        int imported = 0;
        int skipped = 0;
        int present = 0;
        int needAttention = 0;
        for (var item : items) {
            var line = Json.createObjectBuilder().add("title", item.title().orElse("")).add("outcome", item.outcome().name()
                    .toLowerCase(Locale.ROOT));
            item.guid().ifPresent(guid -> line.add("guid", guid));
            item.reason().ifPresent(reason -> line.add("reason", reason));
            var details = item.report().map(ImportJson::parse).orElse(JsonValue.EMPTY_JSON_OBJECT);
            details.forEach(line::add);
            var attention = details.get("attention");
            if ((attention instanceof JsonArray notes && !notes.isEmpty()) || item.outcome() == ImportItem.Outcome.SKIPPED) {
                needAttention++;
            }
            switch (item.outcome()) {
                case IMPORTED -> imported++;
                case SKIPPED -> skipped++;
                case PRESENT -> present++;
            }
            episodes.add(line);
        }
        var report = Json.createObjectBuilder()
                .add("show", job.report().map(ImportJson::parse).orElse(JsonValue.EMPTY_JSON_OBJECT))
                .add("summary", Json.createObjectBuilder().add("imported", imported).add("skipped", skipped)
                        .add("alreadyPresent", present).add("needAttention", needAttention))
                .add("episodes", episodes);
        if (job.state() == ImportState.DONE) {
            newFeedUrl.ifPresent(url -> report.add("checklist", Json.createArrayBuilder(checklist(job.feedUrl(), url))));
        }
        return report;
    }

    /** What the producer does at the old host so that every subscriber follows the show here. */
    static List<String> checklist(String oldFeed, String newFeed) {
        return List.of(
                "Read this report: the episodes skipped and the notes above need your attention before listeners arrive.",
                "At your old host, redirect the feed " + oldFeed + " permanently (HTTP 301) to " + newFeed + ".",
                "If your old host cannot redirect, or as well: add <itunes:new-feed-url>" + newFeed
                        + "</itunes:new-feed-url> to the old feed (many hosts have a 'new feed URL' or 'move' setting).",
                "Keep the redirect and the old feed for four weeks or more: apps update their subscriptions when they next"
                        + " read the old address, some only every few days.",
                "Then check in Apple Podcasts Connect and Spotify for Podcasters that the show's feed address is " + newFeed + ".",
                "Your show here is locked (podcast:locked yes) so that no one else can import it; change it in the show's settings.");
    }

    private static JsonObject parse(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }
}
