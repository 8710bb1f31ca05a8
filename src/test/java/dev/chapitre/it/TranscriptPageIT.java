package dev.chapitre.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A listener reads an episode's transcript on its page, without JavaScript, under chapter headings and by speaker. */
class TranscriptPageIT {

    static final String VTT = """
            WEBVTT

            00:00:00.000 --> 00:00:02.500
            <v Léa>Bonjour et bienvenue dans Épique,
            l'émission qui raconte l'Élysée.

            00:00:02.500 --> 00:00:04.000
            <v Léa>On commence.

            00:00:04.000 --> 00:00:06.000
            <v Marc Petit>Merci Léa. &lt;script&gt;alert(1)&lt;/script&gt; &amp; co

            00:00:06.000 --> 00:00:07.000
            <v Marc Petit>Deux phrases au même instant,

            00:00:06.000 --> 00:00:08.000
            <v Marc Petit>chacune son ancre.

            00:00:09.000 --> 00:00:11.000
            <v Léa>Et voilà la fin.
            """;

    final Api producer = Api.newProducer();
    String show;
    String page;
    String transcripts;

    @BeforeEach
    void anEpisodeWithChaptersCreditsAndATranscript() {
        show = producer.createShow("Épique " + System.nanoTime()).getString("slug");
        var chapters = Json.createReader(new java.io.StringReader("""
                [{"startTime":0,"title":"Intro"},{"startTime":4,"title":"Les débuts & <la suite>"},
                 {"startTime":8.5,"title":"Caché","toc":false},{"startTime":9,"title":"Fin"}]""")).readArray();
        var metadata = Json.createObjectBuilder().add("title", "L'Élysée en 2017").add("publishedAt", "2026-01-05T06:00:00Z")
                .add("chapters", chapters).add("persons", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("name", "Léa Martin").add("role", "host").add("href", "https://example.org/lea?a=1&b=2")))
                .build();
        var created = producer.uploadEpisode(show, metadata, Fixtures.cbrMp3Of(12));
        assertEquals(201, created.statusCode(), created.body());
        var episode = Api.object(created).getString("slug");
        var put = producer.sendBytes("PUT", "/api/podcasts/" + show + "/episodes/" + episode + "/transcript", "text/vtt",
                VTT.getBytes(StandardCharsets.UTF_8));
        assertEquals(201, put.statusCode(), put.body());
        page = "/podcasts/" + show + "/" + episode;
        transcripts = Api.BASE + "/transcripts/" + show + "/" + episode;
    }

    @Test
    void theTranscriptReadsUnderThePlayerWithChapterHeadingsAndSpeakers() {
        var html = Visitor.fresh("fr-FR,fr").get(page).body();
        var section = transcript(html);
        assertTrue(html.indexOf("<audio id=\"player\"") < html.indexOf("<section class=\"transcript\""), "under the player");
        assertTrue(section.startsWith("<section class=\"transcript\" lang=\"fr\""), "in the transcript's language");
        assertTrue(section.contains("<h2 id=\"transcript-title\" lang=\"fr\">Transcription</h2>"));
        assertTrue(section.contains("Télécharger la transcription :"));
        for (var format : List.of("vtt", "srt", "json", "html")) {
            assertTrue(section.contains("href=\"" + transcripts + "." + format + "\""), format);
        }

        var headings = Pattern.compile("<h3><a class=\"seek\" href=\"#t=([0-9.]+)\" data-start=\"[0-9.]+\">([0-9:]+)</a> (.*?)</h3>")
                .matcher(section).results().map(m -> m.group(1) + " " + m.group(2) + " " + m.group(3)).toList();
        assertEquals(List.of("0.0 0:00 Intro", "4.0 0:04 Les débuts &amp; &lt;la suite&gt;", "9.0 0:09 Fin"), headings,
                "a heading per chapter of the table of contents, escaped");
        assertTrue(section.indexOf("id=\"cue-2500\"") < section.indexOf("Les débuts &amp;")
                && section.indexOf("Les débuts &amp;") < section.indexOf("id=\"cue-4000\""), "the heading sits before the cue at its start");
        assertTrue(section.indexOf("id=\"cue-6000-2\"") < section.indexOf("> Fin</h3>")
                && section.indexOf("> Fin</h3>") < section.indexOf("id=\"cue-9000\""));

        assertTrue(section.contains("<p><a class=\"seek\" href=\"#t=0.0\" data-start=\"0.0\">0:00</a> <cite><a href=\"https://example.org/lea?a=1&amp;b=2\" rel=\"noopener\">Léa</a></cite> "
                + "<span id=\"cue-0\" data-start=\"0.0\" data-end=\"2.5\">Bonjour et bienvenue dans Épique, l&#039;émission qui raconte l&#039;Élysée.</span> "
                + "<span id=\"cue-2500\" data-start=\"2.5\" data-end=\"4.0\">On commence.</span></p>"),
                "a credited speaker links to their page; line breaks read as spaces; one paragraph for the turn");
        assertTrue(section.contains("<p><a class=\"seek\" href=\"#t=4.0\" data-start=\"4.0\">0:04</a> <cite>Marc Petit</cite> "
                + "<span id=\"cue-4000\" data-start=\"4.0\" data-end=\"6.0\">Merci Léa. &lt;script&gt;alert(1)&lt;/script&gt; &amp; co</span>"),
                "a speaker nobody credits is a name; the text is escaped");
        assertFalse(html.contains("<script>alert(1)"));
        assertTrue(section.contains("<span id=\"cue-6000\" ") && section.contains("<span id=\"cue-6000-2\" "), "every cue an anchor of its own");
        assertEquals(3, count(section, "<cite>"), "Léa, Marc, and Léa again under the next heading: a name where each turn opens");
        assertFalse(section.contains("Caché"), "a chapter hidden from the table of contents makes no heading");

        assertTrue(section.contains("data-results-many=\"{0} résultats\"") && section.contains("placeholder=\"Rechercher dans la transcription\""),
                "the script's labels in French");
        assertTrue(Pattern.compile("<script type=\"module\" src=\"/static/transcript\\.[0-9a-f]{10}\\.js\"></script>").matcher(html).find());
    }

    @Test
    void anEnglishReaderGetsEnglishLabelsAroundTheFrenchText() {
        var section = transcript(Visitor.fresh("en-GB,en").get(page).body());
        assertTrue(section.startsWith("<section class=\"transcript\" lang=\"fr\""));
        assertTrue(section.contains("<h2 id=\"transcript-title\" lang=\"en\">Transcript</h2>"));
        assertTrue(section.contains("Download the transcript:") && section.contains("data-results-one=\"1 result\"")
                && section.contains("aria-label=\"Next result\""));
        assertTrue(section.contains("On commence."));
    }

    @Test
    void anEpisodeWithoutTranscriptShowsNoneAndLoadsNoScriptForIt() {
        var created = producer.uploadEpisode(show, Json.createObjectBuilder().add("title", "Sans texte")
                .add("publishedAt", "2026-01-06T06:00:00Z").build(), Fixtures.cbrMp3());
        assertEquals(201, created.statusCode(), created.body());
        var html = Visitor.fresh("fr").get("/podcasts/" + show + "/" + Api.object(created).getString("slug")).body();
        assertTrue(html.contains("<audio id=\"player\""));
        assertFalse(html.contains("class=\"transcript\"") || html.contains("transcript.") || html.contains("Transcription"));
    }

    private static String transcript(String html) {
        int start = html.indexOf("<section class=\"transcript\"");
        assertTrue(start >= 0, "a transcript section");
        return html.substring(start, html.indexOf("</section>", start) + "</section>".length());
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }
}
