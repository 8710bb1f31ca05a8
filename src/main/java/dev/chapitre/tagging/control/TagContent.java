package dev.chapitre.tagging.control;

import java.util.List;
import java.util.Optional;

/**
 * Everything that goes into an episode's ID3 tag, taken from the database (the source of truth)
 * at one moment. Chapters are in time order with their end times resolved.
 */
public record TagContent(String title, String author, String album, Optional<Integer> year, Optional<Integer> track,
                         String comment, Optional<String> pageUrl, Optional<Cover> cover, List<TagChapter> chapters) {

    /** The front cover: the image's bytes (artwork is at most 20 MiB) and its MIME type. */
    public record Cover(byte[] image, String mimeType) {
    }

    /** A chapter as ID3 stores it: start and end in milliseconds. */
    public record TagChapter(long startMs, long endMs, String title, Optional<String> url, Optional<String> imageUrl,
                             boolean toc) {
    }
}
