package dev.chapitre.transcripts.control;

import dev.chapitre.transcripts.entity.Cue;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The transcript formats producers' tools export and podcast apps read. A file's format is told by
 * its content, never its name: tools name files loosely ("transcript.txt" holding WebVTT).
 */
public enum TranscriptFormat {

    /** WebVTT: what Apple Podcasts and browsers show as captions. */
    VTT("vtt", "text/vtt", WebVtt::read, WebVtt::write),
    /** SubRip: what video tools and many transcription apps export. */
    SRT("srt", "application/x-subrip", SubRip::read, SubRip::write),
    /** The Podcasting 2.0 JSON transcript. */
    JSON("json", "application/json", TranscriptJson::read, TranscriptJson::write),
    /** Paragraphs that start with a time, {@code [00:01:02] Marie: Bonjour}. */
    TEXT("txt", "text/plain", TimestampedText::read, TimestampedText::write);

    private static final Pattern WEBVTT = Pattern.compile("WEBVTT(?:[ \\t\\n].*)?", Pattern.DOTALL);
    private static final Pattern NUMBER = Pattern.compile("\\d+");

    private final String id;
    private final String mediaType;
    private final Function<String, ParsedTranscript> reader;
    private final Function<List<Cue>, String> writer;

    TranscriptFormat(String id, String mediaType, Function<String, ParsedTranscript> reader, Function<List<Cue>, String> writer) {
        this.id = id;
        this.mediaType = mediaType;
        this.reader = reader;
        this.writer = writer;
    }

    /** The name in URLs ({@code ?format=srt}). */
    public String id() {
        return id;
    }

    public String mediaType() {
        return mediaType;
    }

    /** Without the dot. */
    public String extension() {
        return id;
    }

    public static Optional<TranscriptFormat> byId(String id) {
        return Arrays.stream(values()).filter(format -> format.id.equals(id)).findFirst();
    }

    /** The format of a transcript's text, told from its first lines; empty when it is none we read. */
    public static Optional<TranscriptFormat> detect(String text) {
        var lines = TextLines.of(text);
        int first = 0;
        while (first < lines.size() && lines.get(first).isBlank()) {
            first++;
        }
        if (first == lines.size()) {
            return Optional.empty();
        }
        var line = lines.get(first).strip();
        if (WEBVTT.matcher(line).matches()) {
            return Optional.of(VTT);
        }
        if (line.startsWith("{")) {
            return Optional.of(JSON);
        }
        if (line.contains("-->")
                || (NUMBER.matcher(line).matches() && first + 1 < lines.size() && lines.get(first + 1).contains("-->"))) {
            return Optional.of(SRT);
        }
        // a title or a few words may come before the first time: the reader reports them on their line
        return lines.stream().anyMatch(l -> TimestampedText.STAMP.matcher(l.strip()).lookingAt()) ? Optional.of(TEXT) : Optional.empty();
    }

    /** Cues, their lines and the problems found; nothing is refused before {@link ParsedTranscript#checked}. */
    public ParsedTranscript read(String text) {
        return reader.apply(text);
    }

    /** Stored cues in this format. */
    public String write(List<Cue> cues) {
        return writer.apply(cues);
    }
}
