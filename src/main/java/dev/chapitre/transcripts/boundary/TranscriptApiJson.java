package dev.chapitre.transcripts.boundary;

import dev.chapitre.platform.boundary.PublicUrls;
import dev.chapitre.platform.control.PublicPaths;
import dev.chapitre.podcasts.boundary.PersonJson;
import dev.chapitre.transcripts.control.ChapterTitles;
import dev.chapitre.transcripts.control.PublishedFormat;
import jakarta.json.Json;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** The transcript as the API shows it to its producer: cues in seconds, speakers and who they are, the public links. */
final class TranscriptApiJson {

    /**
     * One factory for every builder: {@code BUILDERS.createObjectBuilder()} looks the JSON provider up
     * each time (in Payara through the OSGi service registry), seconds for a transcript's 4,000 cues.
     */
    private static final JsonBuilderFactory BUILDERS = Json.createBuilderFactory(Map.of());

    private TranscriptApiJson() {
    }

    static JsonObject of(StoredTranscript transcript, String podcast, String episode, PublicUrls urls) {
        var speakers = BUILDERS.createArrayBuilder();
        for (var name : StoredTranscript.speakersIn(transcript.cues())) {
            var speaker = BUILDERS.createObjectBuilder().add("name", name);
            var person = transcript.speakers().get(name);
            if (person != null) {
                speaker.add("person", PersonJson.array(List.of(person)).build().get(0));
            }
            speakers.add(speaker);
        }
        var links = BUILDERS.createObjectBuilder();
        for (var format : PublishedFormat.values()) {
            links.add(format.extension(), urls.of(PublicPaths.transcript(podcast, episode, format.extension())));
        }
        var cues = BUILDERS.createArrayBuilder();
        for (var cue : transcript.cues()) {
            var json = BUILDERS.createObjectBuilder().add("startTime", seconds(cue.startMs())).add("endTime", seconds(cue.endMs()));
            cue.speaker().ifPresent(name -> json.add("speaker", name));
            cues.add(json.add("text", cue.text()));
        }
        return BUILDERS.createObjectBuilder()
                .add("language", transcript.language())
                .add("sourceFormat", transcript.sourceFormat())
                .add("updatedAt", transcript.updatedAt().toString())
                .add("cueCount", transcript.cues().size())
                .add("speakers", speakers)
                .add("links", links)
                .add("cues", cues)
                .build();
    }

    static JsonObject chapterTitles(List<ChapterTitles.Suggestion> suggestions) {
        var chapters = BUILDERS.createArrayBuilder();
        for (var suggestion : suggestions) {
            var json = BUILDERS.createObjectBuilder().add("index", suggestion.index())
                    .add("startTime", seconds(suggestion.chapter().startMs())).add("title", suggestion.chapter().title());
            suggestion.title().ifPresent(title -> json.add("suggestedTitle", title));
            chapters.add(json);
        }
        return BUILDERS.createObjectBuilder().add("chapters", chapters).build();
    }

    /** Exact to the millisecond: 61500 → 61.5. */
    static BigDecimal seconds(long ms) {
        var seconds = BigDecimal.valueOf(ms, 3).stripTrailingZeros();
        return seconds.scale() < 0 ? seconds.setScale(0) : seconds;
    }
}
