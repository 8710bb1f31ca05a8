package dev.chapitre.imports.control;

import dev.chapitre.platform.control.MessageJson;
import dev.chapitre.platform.entity.Message;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One episode's line of the verification report: its audio, chapters, transcripts and credits as
 * the old host had them and as they are here, and what needs the producer's attention. The notes
 * are stored as messages ({@link MessageJson}), worded when the report is read ({@link ReportWords}).
 */
public final class ItemReport {

    private final List<Message> attention = new ArrayList<>();
    private final Map<ChapterSources.Source, Integer> chaptersFound = new EnumMap<>(ChapterSources.Source.class);
    private Optional<String> chaptersSource = Optional.empty();
    private int chaptersKept;
    private final List<Message> disagreements = new ArrayList<>();
    private OptionalLong declaredBytes = OptionalLong.empty();
    private OptionalLong declaredDurationMs = OptionalLong.empty();
    private OptionalLong bytes = OptionalLong.empty();
    private OptionalLong durationMs = OptionalLong.empty();
    private int transcriptsFound;
    private Optional<String> transcriptKeptFrom = Optional.empty();
    private int personsFound;
    private int personsKept;

    public ItemReport attention(Message note) {
        attention.add(note);
        return this;
    }

    public ItemReport attention(List<Message> notes) {
        attention.addAll(notes);
        return this;
    }

    public ItemReport declared(long length, Optional<Long> duration) {
        declaredBytes = length > 0 ? OptionalLong.of(length) : OptionalLong.empty();
        declaredDurationMs = duration.map(OptionalLong::of).orElse(OptionalLong.empty());
        return this;
    }

    /** The audio as downloaded and measured; a duration far from the declared one is worth a look. */
    public ItemReport audio(long size, long measuredMs) {
        bytes = OptionalLong.of(size);
        durationMs = OptionalLong.of(measuredMs);
        if (declaredDurationMs.isPresent() && Math.abs(declaredDurationMs.getAsLong() - measuredMs) > 5000) {
            attention.add(Message.of("imports.audio.duration", declaredDurationMs.getAsLong() / 1000, measuredMs / 1000));
        }
        return this;
    }

    public ItemReport chapters(List<ChapterSources.Found> found, ChapterSources.Choice choice) {
        found.forEach(f -> {
            chaptersFound.put(f.source(), f.chapters().size());
            f.problem().ifPresent(problem -> attention.add(Message.of("imports.chapters.unreadable", f.source().said(), problem)));
        });
        chaptersSource = choice.kept().map(f -> f.source().label());
        Object keptFrom = choice.kept().<Object>map(f -> f.source().said()).orElse("");
        chaptersKept = choice.kept().map(f -> f.chapters().size()).orElse(0);
        disagreements.addAll(choice.disagreements());
        choice.disagreements().forEach(d -> attention.add(Message.of("imports.chapters.disagree", d, keptFrom)));
        attention.addAll(choice.leftOut());
        return this;
    }

    /** Images the episode names that stay at the old host: Chapitre keeps the links, not the files, for now. */
    public ItemReport linkedImages(boolean episodeImage, int chapterImages) {
        if (episodeImage && chapterImages > 0) {
            attention.add(Message.of("imports.images.linked.both", chapterImages));
        } else if (episodeImage) {
            attention.add(Message.of("imports.images.linked.episode"));
        } else if (chapterImages > 0) {
            attention.add(Message.of("imports.images.linked.chapters", chapterImages));
        }
        return this;
    }

    /**
     * {@code found}: the item's {@code podcast:transcript} links (often one transcript in several
     * formats); {@code keptFrom}: the address of the one stored; {@code problems}: why others were not.
     */
    public ItemReport transcripts(int found, Optional<String> keptFrom, List<Message> problems) {
        transcriptsFound = found;
        transcriptKeptFrom = keptFrom;
        problems.forEach(problem -> attention.add(Message.of("imports.transcript.notKept", problem)));
        return this;
    }

    public ItemReport persons(int found, int kept) {
        personsFound = found;
        personsKept = kept;
        return this;
    }

    private JsonObjectBuilder transcripts() {
        var json = Json.createObjectBuilder().add("found", transcriptsFound).add("kept", transcriptKeptFrom.isPresent() ? 1 : 0);
        transcriptKeptFrom.ifPresent(url -> json.add("source", url));
        return json;
    }

    public String json() {
        var audio = Json.createObjectBuilder();
        declaredBytes.ifPresent(v -> audio.add("declaredBytes", v));
        bytes.ifPresent(v -> audio.add("bytes", v));
        declaredDurationMs.ifPresent(v -> audio.add("declaredDurationSeconds", v / 1000.0));
        durationMs.ifPresent(v -> audio.add("durationSeconds", v / 1000.0));
        var sources = Json.createObjectBuilder();
        chaptersFound.forEach((source, count) -> sources.add(source.label(), count));
        var chapters = Json.createObjectBuilder().add("found", sources).add("kept", chaptersKept);
        chaptersSource.ifPresentOrElse(source -> chapters.add("source", source), () -> chapters.addNull("source"));
        chapters.add("disagreements", MessageJson.array(disagreements));
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("audio", audio)
                .add("chapters", chapters)
                .add("transcripts", transcripts())
                .add("persons", Json.createObjectBuilder().add("found", personsFound).add("kept", personsKept))
                .add("attention", MessageJson.array(attention));
        return json.build().toString();
    }
}
