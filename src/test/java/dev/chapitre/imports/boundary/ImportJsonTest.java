package dev.chapitre.imports.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chapitre.feeds.control.SourceFeed;
import dev.chapitre.imports.control.ReportWords;
import dev.chapitre.imports.entity.ImportItem;
import dev.chapitre.imports.entity.ImportJob;
import dev.chapitre.imports.entity.ImportState;
import dev.chapitre.platform.control.MessageJson;
import dev.chapitre.platform.entity.Message;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ImportJsonTest {

    /** What earlier versions stored: the report's words in English. */
    static final String OLD_SHOW = "{\"guid\":\"g\",\"guidFrom\":\"feed\",\"attention\":[\"The category 'Games & Hobbies' is not one of"
            + " Apple Podcasts' categories: not kept; choose one in the show's settings.\"]}";
    static final String OLD_ITEM = "{\"audio\":{},\"chapters\":{\"found\":{\"podcast:chapters\":3,\"psc:chapters\":2},\"kept\":3,"
            + "\"source\":\"podcast:chapters\",\"disagreements\":[\"podcast:chapters has 3 chapters, psc:chapters 2\"]},"
            + "\"transcripts\":{\"found\":0,\"kept\":0},\"persons\":{\"found\":0,\"kept\":0},"
            + "\"attention\":[\"The chapter sources disagree: podcast:chapters has 3 chapters, psc:chapters 2; podcast:chapters was kept.\"]}";

    static ImportJob job(String showReport, ImportState state, Optional<String> failure) {
        var job = new ImportJob(null, "https://old.example/feed.xml", "https://chapitre.example", "member/run");
        job.importInto(null, 2, showReport);
        if (state.isOver()) {
            job.finish(state, failure);
        }
        return job;
    }

    @Test
    void aReportStoredByAnEarlierVersionIsShownAsItWasInEveryLanguage() {
        var job = job(OLD_SHOW, ImportState.FAILED, Optional.of("This show (podcast:guid g) is already hosted here by another producer;"
                + " it cannot be imported twice."));
        var items = List.of(
                new ImportItem(job, 0, "a", "1. Disagreeing", ImportItem.Outcome.IMPORTED, null, OLD_ITEM),
                new ImportItem(job, 1, "b", "(untitled)", ImportItem.Outcome.SKIPPED, "The item cannot be an episode: the item has no title.",
                        "{\"attention\":[]}"));
        var english = ImportJson.of(job, items, "https://chapitre.example", Locale.ENGLISH);
        var french = ImportJson.of(job, items, "https://chapitre.example", Locale.FRENCH);
        for (var json : List.of(english, french)) {
            assertEquals("This show (podcast:guid g) is already hosted here by another producer; it cannot be imported twice.",
                    json.getString("failure"));
            var report = json.getJsonObject("report");
            assertEquals(Json.createReader(new java.io.StringReader(OLD_SHOW)).readObject(), report.getJsonObject("show"));
            var first = report.getJsonArray("episodes").getJsonObject(0);
            assertEquals("The chapter sources disagree: podcast:chapters has 3 chapters, psc:chapters 2; podcast:chapters was kept.",
                    first.getJsonArray("attention").getString(0));
            assertEquals("podcast:chapters has 3 chapters, psc:chapters 2", first.getJsonObject("chapters").getJsonArray("disagreements").getString(0));
            var skipped = report.getJsonArray("episodes").getJsonObject(1);
            assertEquals("The item cannot be an episode: the item has no title.", skipped.getString("reason"));
            assertEquals(2, report.getJsonObject("summary").getInt("needAttention"));
        }
        assertEquals("(untitled)", english.getJsonObject("report").getJsonArray("episodes").getJsonObject(1).getString("title"));
        assertEquals("(sans titre)", french.getJsonObject("report").getJsonArray("episodes").getJsonObject(1).getString("title"));
    }

    @Test
    void aReportStoredAsMessagesIsWordedForItsReader() {
        var show = Json.createObjectBuilder().add("guid", "g").add("guidFrom", "feed")
                .add("attention", MessageJson.array(List.of(Message.of("imports.category.notApple", "Games & Hobbies")))).build().toString();
        var job = job(show, ImportState.FAILED, Optional.of(ReportWords.stored(Message.of("imports.job.unexpected", "Connection reset"), 2000)));
        var items = List.of(new ImportItem(job, 0, "a", "8. En AAC", ImportItem.Outcome.SKIPPED,
                ReportWords.stored(ImportRunner.whyNotImportable(item("audio/x-m4a")).orElseThrow(), ImportItem.MAX_REASON),
                "{\"attention\":" + MessageJson.array(List.of(Message.of("imports.item.noGuid"))).build() + "}"));
        var english = ImportJson.of(job, items, "https://chapitre.example", Locale.ENGLISH);
        assertEquals("The import stopped on an unexpected error (Connection reset). Start it again: what is already imported is kept and skipped.",
                english.getString("failure"));
        assertEquals("The category 'Games & Hobbies' is not one of Apple Podcasts' categories: not kept; choose one in the show's settings.",
                english.getJsonObject("report").getJsonObject("show").getJsonArray("attention").getString(0));
        var line = english.getJsonObject("report").getJsonArray("episodes").getJsonObject(0);
        assertEquals("The audio is audio/x-m4a, not MP3: Chapitre hosts MP3 files only. Convert it and upload it in the studio.",
                line.getString("reason"));
        assertEquals("The item has no guid: its enclosure's address is its guid here, as apps do.", line.getJsonArray("attention").getString(0));

        var french = ImportJson.of(job, items, "https://chapitre.example", Locale.FRENCH);
        assertEquals("L’importation s’est arrêtée sur une erreur inattendue (Connection reset). Relancez-la : ce qui est déjà importé est"
                + " gardé et sera sauté.", french.getString("failure"));
        assertEquals("La catégorie « Games & Hobbies » ne fait pas partie des catégories d’Apple Podcasts : elle n’a pas été reprise ;"
                + " choisissez-en une dans les réglages de l’émission.",
                french.getJsonObject("report").getJsonObject("show").getJsonArray("attention").getString(0));
        var ligne = french.getJsonObject("report").getJsonArray("episodes").getJsonObject(0);
        assertEquals("L’audio est au format audio/x-m4a, pas en MP3 : Chapitre n’héberge que des fichiers MP3. Convertissez-le et"
                + " envoyez-le dans le studio.", ligne.getString("reason"));
        assertEquals(shape(english), shape(french), "the same JSON, in other words");
    }

    @Test
    void theChecklistReadsAsBeforeInEnglish() {
        var old = "https://old.example/feed.xml";
        var now = "https://chapitre.example/feeds/epique.xml";
        assertEquals(List.of(
                "Read this report: the episodes skipped and the notes above need your attention before listeners arrive.",
                "At your old host, redirect the feed " + old + " permanently (HTTP 301) to " + now + ".",
                "If your old host cannot redirect, or as well: add <itunes:new-feed-url>" + now
                        + "</itunes:new-feed-url> to the old feed (many hosts have a 'new feed URL' or 'move' setting).",
                "Keep the redirect and the old feed for four weeks or more: apps update their subscriptions when they next"
                        + " read the old address, some only every few days.",
                "Then check in Apple Podcasts Connect and Spotify for Podcasters that the show's feed address is " + now + ".",
                "Your show here is locked (podcast:locked yes) so that no one else can import it; change it in the show's settings."),
                ImportJson.checklist(old, now).stream().map(step -> step.in(Locale.ENGLISH)).toList());
        assertEquals("Chez votre ancien hébergeur, redirigez le flux " + old + " de façon permanente (HTTP 301) vers " + now + ".",
                ImportJson.checklist(old, now).get(1).in(Locale.FRENCH));
    }

    @Test
    void whyAnItemCannotBeImportedReadsAsBeforeInEnglish() {
        assertEquals("The item has no enclosure: there is no audio to import.",
                ImportRunner.whyNotImportable(new SourceFeed.Item(Optional.empty(), Optional.of("t"), Optional.empty(), Optional.empty(),
                        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), List.of(), Optional.empty(),
                        Optional.empty(), Optional.empty(), List.of(), List.of())).orElseThrow().in(Locale.ENGLISH));
        assertEquals(Optional.empty(), ImportRunner.whyNotImportable(item("audio/mpeg; charset=binary")));
        assertEquals(Optional.empty(), ImportRunner.whyNotImportable(item("")), "the file decides");
        assertEquals(Message.of("imports.item.untitled").in(Locale.ENGLISH), ImportRunner.UNTITLED, "the title a resumed import knows");
    }

    static SourceFeed.Item item(String type) {
        return new SourceFeed.Item(Optional.of("g"), Optional.of("t"), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), List.of(), Optional.of(new SourceFeed.Enclosure("https://old.example/a", type, 1)),
                Optional.empty(), Optional.empty(), List.of(), List.of());
    }

    /** The JSON's names and kinds of values, without the words. */
    static JsonValue shape(JsonValue json) {
        return switch (json.getValueType()) {
            case STRING -> Json.createValue("");
            case OBJECT -> {
                var object = Json.createObjectBuilder();
                json.asJsonObject().forEach((name, value) -> object.add(name, shape(value)));
                yield object.build();
            }
            case ARRAY -> {
                var array = Json.createArrayBuilder();
                json.asJsonArray().forEach(value -> array.add(shape(value)));
                yield array.build();
            }
            default -> json;
        };
    }
}
