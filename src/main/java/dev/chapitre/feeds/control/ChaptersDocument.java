package dev.chapitre.feeds.control;

import dev.chapitre.chapters.control.ChapterJson;
import dev.chapitre.episodes.entity.Episode;
import java.nio.charset.StandardCharsets;

/** An episode's chapters as the Podcasting 2.0 JSON file that {@code podcast:chapters} links to. */
public final class ChaptersDocument {

    public static final String MEDIA_TYPE = ChapterJson.MEDIA_TYPE;

    private ChaptersDocument() {
    }

    /** {@code baseUrl}: where the chapters' stored images are read. */
    public static byte[] write(Episode episode, String baseUrl) {
        var json = ChapterJson.document(episode.publicChapters(baseUrl), false)
                .add("title", episode.title())
                .add("podcastName", episode.podcast().title())
                .build();
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }
}
