package dev.chapitre.tagging.control;

import java.util.List;
import java.util.Optional;

/**
 * Everything that goes into an episode's ID3 tag, taken from the database (the source of truth)
 * at one moment. Chapters are in time order with their end times resolved.
 */
public record TagContent(String title, String author, String album, Optional<Integer> year, Optional<Integer> track,
                         String comment, Optional<String> pageUrl, Optional<Picture> cover, List<TagChapter> chapters) {

    /** An image to embed: its bytes and its MIME type (image/jpeg or image/png). The front cover is at most 20 MiB. */
    public record Picture(byte[] image, String mimeType) {
    }

    /**
     * A chapter as ID3 stores it: start and end in milliseconds. Its image is embedded ({@code image})
     * or, failing that, linked ({@code imageUrl}).
     */
    public record TagChapter(long startMs, long endMs, String title, Optional<String> url, Optional<String> imageUrl,
                             boolean toc, Optional<Picture> image) {

        public TagChapter(long startMs, long endMs, String title, Optional<String> url, Optional<String> imageUrl, boolean toc) {
            this(startMs, endMs, title, url, imageUrl, toc, Optional.empty());
        }
    }
}
