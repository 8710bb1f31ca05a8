package dev.chapitre.chapters.control;

import dev.chapitre.chapters.entity.Chapter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The chapter formats producers bring and take away; one parser each, shared by the API's
 * import and the editor. Every reader returns the chapters with the line each came from, so
 * that rule violations are reported by line.
 */
public enum ChapterFormat {

    /** mp4chaps / Podlove text: {@code 00:12:34.500 Title <https://link>}. */
    MP4CHAPS("text/plain; charset=utf-8") {
        @Override
        public ChapterText.Parsed read(String text) {
            return ChapterText.read(text);
        }

        @Override
        public String write(List<Chapter> chapters) {
            return ChapterText.write(chapters);
        }
    },
    /** Video-description timestamps: {@code 0:00 Intro}, {@code 12:34 - Title}, {@code 1:02:03 Title}. */
    YOUTUBE("text/plain; charset=utf-8") {
        @Override
        public ChapterText.Parsed read(String text) {
            return TimestampText.read(text, false);
        }

        @Override
        public String write(List<Chapter> chapters) {
            return TimestampText.write(chapters);
        }
    },
    /** Audacity label files: {@code start<TAB>end<TAB>label}, in seconds. */
    AUDACITY("text/plain; charset=utf-8") {
        @Override
        public ChapterText.Parsed read(String text) {
            return AudacityLabels.read(text);
        }

        @Override
        public String write(List<Chapter> chapters) {
            return AudacityLabels.write(chapters);
        }
    },
    /** The Podcasting 2.0 JSON chapters file. */
    JSON("application/json+chapters") {
        @Override
        public ChapterText.Parsed read(String text) {
            var chapters = ChapterJson.read(text);
            return new ChapterText.Parsed(chapters, List.of());
        }

        @Override
        public String write(List<Chapter> chapters) {
            return ChapterJson.document(chapters, false).build().toString();
        }
    },
    /** Show notes as text, one paragraph a line: the lines that start with a timestamp; the rest is prose. */
    SHOWNOTES("text/plain; charset=utf-8") {
        @Override
        public ChapterText.Parsed read(String text) {
            return TimestampText.read(text, true);
        }

        @Override
        public String write(List<Chapter> chapters) {
            return TimestampText.write(chapters);
        }
    };

    private final String mediaType;

    ChapterFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    public abstract ChapterText.Parsed read(String text);

    public abstract String write(List<Chapter> chapters);

    public String mediaType() {
        return mediaType;
    }

    /** The name used in URLs ({@code ?format=youtube}). */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ChapterFormat> byId(String id) {
        return Arrays.stream(values()).filter(format -> format.id().equals(id)).findFirst();
    }
}
