package dev.chapitre.waveforms.boundary;

import dev.chapitre.chapters.control.ChapterJson;
import dev.chapitre.waveforms.control.ChapterChecks;
import dev.chapitre.waveforms.control.ChapterSuggestions;
import dev.chapitre.waveforms.control.WaveformData;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * How the waveform's resources answer: {@code 202} with {@code Retry-After} while the peaks are
 * computed, else the representation with an ETag that changes with the audio and the pause rule
 * ({@code 304} when the editor has it), never cached by anyone but the producer's browser.
 */
final class WaveformResources {

    static final int RETRY_AFTER_SECONDS = 2;

    private WaveformResources() {
    }

    static Response answer(Optional<Waveforms.Ready> ready, Request request, String tagSuffix, Function<Waveforms.Ready, Object> body,
                           String mediaType) {
        if (ready.isEmpty()) {
            return computing();
        }
        var tag = new EntityTag(ready.get().etag() + tagSuffix);
        var cache = new CacheControl();
        cache.setPrivate(true);
        cache.setNoCache(true);
        var notModified = request.evaluatePreconditions(tag);
        if (notModified != null) {
            return notModified.cacheControl(cache).tag(tag).build();
        }
        return Response.ok(body.apply(ready.get()), mediaType).tag(tag).cacheControl(cache).build();
    }

    static Response computing() {
        return Response.accepted(Json.createObjectBuilder().add("status", "computing")
                        .add("detail", "The audio's peaks and pauses are being computed; ask again in a moment.").build())
                .type(MediaType.APPLICATION_JSON_TYPE).header("Retry-After", RETRY_AFTER_SECONDS).build();
    }

    static byte[] binary(Waveforms.Ready ready) {
        var w = ready.waveform();
        return WaveformData.binary(w.sampleRate(), w.samplesPerPixel(), w.peaks());
    }

    static StreamingOutput json(Waveforms.Ready ready) {
        var w = ready.waveform();
        return out -> WaveformData.writeJson(out, w.sampleRate(), w.samplesPerPixel(), w.peaks());
    }

    static JsonArray pauses(Waveforms.Ready ready) {
        var list = Json.createArrayBuilder();
        ready.waveform().pauses().forEach(p -> list.add(Json.createObjectBuilder()
                .add("start", ChapterJson.seconds(p.startMs())).add("end", ChapterJson.seconds(p.endMs()))));
        return list.build();
    }

    static JsonObject suggestions(List<ChapterSuggestions.Suggestion> suggestions) {
        var list = Json.createArrayBuilder();
        suggestions.forEach(s -> list.add(Json.createObjectBuilder().add("startTime", ChapterJson.seconds(s.startMs())).add("reason", s.reason())));
        return Json.createObjectBuilder().add("chapters", list).build();
    }

    static JsonArray checks(List<ChapterChecks.Check> checks, Locale language) {
        var list = Json.createArrayBuilder();
        checks.forEach(check -> {
            var item = Json.createObjectBuilder().add("app", check.app()).add("code", check.code()).add("level", check.level());
            check.chapter().ifPresent(n -> item.add("chapter", n));
            list.add(item.add("message", check.message(language)));
        });
        return list.build();
    }
}
