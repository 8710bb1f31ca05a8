package dev.chapitre.chapters.control;

import dev.chapitre.chapters.entity.Chapter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The chapter formats producers bring and take away; one parser each, shared by the API's
 * import and the editor. Every reader returns the chapters with the line each came from, so
 * that rule violations are reported by line.
 */
public enum ChapterFormat {

    /** mp4chaps / Podlove text: {@code 00:12:34.500 Title <https://link>}. */
    MP4CHAPS(ChapterText::read, ChapterText::write),
    /** Video-description timestamps: {@code 0:00 Intro}, {@code 12:34 - Title}, {@code 1:02:03 Title}. */
    YOUTUBE(text -> TimestampText.read(text, false), TimestampText::write),
    /** Audacity label files: {@code start<TAB>end<TAB>label}, in seconds. */
    AUDACITY(AudacityLabels::read, AudacityLabels::write),
    /** The Podcasting 2.0 JSON chapters file. */
    JSON(text -> new ChapterText.Parsed(ChapterJson.read(text), List.of()),
            chapters -> ChapterJson.document(chapters, false).build().toString()),
    /** Show notes as text, one paragraph a line: the lines that start with a timestamp; the rest is prose. */
    SHOWNOTES(text -> TimestampText.read(text, true), TimestampText::write);

    private final Function<String, ChapterText.Parsed> reader;
    private final Function<List<Chapter>, String> writer;

    ChapterFormat(Function<String, ChapterText.Parsed> reader, Function<List<Chapter>, String> writer) {
        this.reader = reader;
        this.writer = writer;
    }

    public ChapterText.Parsed read(String text) {
        return reader.apply(text);
    }

    public String write(List<Chapter> chapters) {
        return writer.apply(chapters);
    }

    public String mediaType() {
        return this == JSON ? ChapterJson.MEDIA_TYPE : "text/plain; charset=utf-8";
    }

    /** The name used in URLs ({@code ?format=youtube}). */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ChapterFormat> byId(String id) {
        return Arrays.stream(values()).filter(format -> format.id().equals(id)).findFirst();
    }
}
