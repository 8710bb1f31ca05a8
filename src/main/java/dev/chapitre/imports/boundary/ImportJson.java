package dev.chapitre.imports.boundary;

import dev.chapitre.imports.control.ReportWords;
import dev.chapitre.imports.entity.ImportItem;
import dev.chapitre.imports.entity.ImportJob;
import dev.chapitre.imports.entity.ImportState;
import dev.chapitre.platform.control.PublicPaths;
import dev.chapitre.platform.entity.Message;
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
 * with the checklist to finish the move. The report grows as the items are done. Its words (notes,
 * reasons, the failure, the checklist) are said in the reader's language: stored as messages, they
 * are worded here; what earlier versions stored as English text is said as it was.
 */
final class ImportJson {

    private ImportJson() {
    }

    static JsonObject of(ImportJob job, List<ImportItem> items, String apiBase, Locale locale) {
        var json = Json.createObjectBuilder().add("id", job.id()).add("feedUrl", job.feedUrl()).add("state", job.state().json())
                .add("createdAt", job.createdAt().toString())
                .add("progress", Json.createObjectBuilder().add("episodesDone", job.doneItems()).add("episodesTotal", job.totalItems())
                        .add("bytesDownloaded", job.bytesDownloaded())
                        .add("currentItem", job.currentItem().map(title -> title(title, locale))
                                .<JsonValue>map(Json::createValue).orElse(JsonValue.NULL)));
        job.finishedAt().ifPresent(at -> json.add("finishedAt", at.toString()));
        job.failure().ifPresent(failure -> json.add("failure", ReportWords.say(failure, locale)));
        var feedUrl = job.podcast().map(show -> job.baseUrl() + PublicPaths.feed(show.slug()));
        job.podcast().ifPresentOrElse(show -> json.add("show", Json.createObjectBuilder().add("slug", show.slug())
                        .add("title", show.title()).add("feedUrl", feedUrl.orElseThrow())
                        .add("url", apiBase + "/api/podcasts/" + show.slug())),
                () -> json.addNull("show"));
        json.add("report", report(job, items, feedUrl, locale));
        return json.build();
    }

    private static JsonObjectBuilder report(ImportJob job, List<ImportItem> items, Optional<String> newFeedUrl, Locale locale) {
        var episodes = Json.createArrayBuilder();
        int imported = 0;
        int skipped = 0;
        int present = 0;
        int needAttention = 0;
        for (var item : items) {
            var line = Json.createObjectBuilder().add("title", item.title().map(title -> title(title, locale)).orElse(""))
                    .add("outcome", item.outcome().name().toLowerCase(Locale.ROOT));
            item.guid().ifPresent(guid -> line.add("guid", guid));
            item.reason().ifPresent(reason -> line.add("reason", ReportWords.say(reason, locale)));
            var details = item.report().map(ImportJson::parse).orElse(JsonValue.EMPTY_JSON_OBJECT);
            details.forEach((name, value) -> line.add(name, switch (name) {
                case "attention" -> ReportWords.sayAll(value, locale);
                case "chapters" -> chapters(value, locale);
                default -> value;
            }));
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
                .add("show", job.report().map(ImportJson::parse).map(show -> said(show, locale)).orElse(JsonValue.EMPTY_JSON_OBJECT))
                .add("summary", Json.createObjectBuilder().add("imported", imported).add("skipped", skipped)
                        .add("alreadyPresent", present).add("needAttention", needAttention))
                .add("episodes", episodes);
        if (job.state() == ImportState.DONE) {
            newFeedUrl.ifPresent(url -> report.add("checklist", Json.createArrayBuilder(checklist(job.feedUrl(), url).stream()
                    .map(step -> step.in(locale)).toList())));
        }
        return report;
    }

    /** The show's part of the report, its notes worded. */
    private static JsonObject said(JsonObject show, Locale locale) {
        return show.containsKey("attention")
                ? Json.createObjectBuilder(show).add("attention", ReportWords.sayAll(show.get("attention"), locale)).build() : show;
    }

    /** An item's chapters, the disagreements between their sources worded. */
    private static JsonValue chapters(JsonValue chapters, Locale locale) {
        return chapters instanceof JsonObject object && object.containsKey("disagreements")
                ? Json.createObjectBuilder(object).add("disagreements", ReportWords.sayAll(object.get("disagreements"), locale)).build()
                : chapters;
    }

    /** An item the feed gave no title is "(untitled)" in the report, as it is stored (a resumed import knows it by that). */
    private static String title(String title, Locale locale) {
        return title.equals(ImportRunner.UNTITLED) ? Message.of("imports.item.untitled").in(locale) : title;
    }

    /** What the producer does at the old host so that every subscriber follows the show here. */
    static List<Message> checklist(String oldFeed, String newFeed) {
        return List.of(
                Message.of("imports.checklist.read"),
                Message.of("imports.checklist.redirect", oldFeed, newFeed),
                Message.of("imports.checklist.newFeedUrl", newFeed),
                Message.of("imports.checklist.wait"),
                Message.of("imports.checklist.directories", newFeed),
                Message.of("imports.checklist.locked"));
    }

    private static JsonObject parse(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }
}
