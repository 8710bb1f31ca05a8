package dev.chapitre.platform.control;

import java.util.List;

/** The public addresses of a show and its episodes, relative to the platform's base URL. */
public final class PublicPaths {

    private PublicPaths() {
    }

    public static String feed(String podcast) {
        return "/feeds/" + podcast + ".xml";
    }

    public static String showPage(String podcast) {
        return "/podcasts/" + podcast;
    }

    public static String episodePage(String podcast, String episode) {
        return "/podcasts/" + podcast + "/" + episode;
    }

    public static String audio(String podcast, String episode) {
        return "/media/" + podcast + "/" + episode + ".mp3";
    }

    public static String chapters(String podcast, String episode) {
        return "/chapters/" + podcast + "/" + episode + ".json";
    }

    public static String artwork(String podcast, String extension) {
        return "/media/" + podcast + "/artwork." + extension;
    }

    /**
     * A chapter's stored image, by its media key ({@code chapter-images/<uuid>.jpg|png}): a key is
     * never reused, so the address names one image for good, whatever the show or episode is called.
     */
    public static String chapterImage(String key) {
        return "/media/" + key;
    }

    /** The formats an episode's transcript is published in, as the feed lists them (transcripts' PublishedFormat). */
    public static final List<String> TRANSCRIPT_EXTENSIONS = List.of("vtt", "srt", "json", "html");

    /** An episode's transcript in one of its published formats ({@code vtt}, {@code srt}, {@code json}, {@code html}). */
    public static String transcript(String podcast, String episode, String extension) {
        return "/transcripts/" + podcast + "/" + episode + "." + extension;
    }
}
