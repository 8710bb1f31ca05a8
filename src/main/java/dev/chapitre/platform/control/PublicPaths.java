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

    /** The formats an episode's transcript is published in, as the feed lists them (transcripts' PublishedFormat). */
    public static final List<String> TRANSCRIPT_EXTENSIONS = List.of("vtt", "srt", "json", "html");

    /** An episode's transcript in one of its published formats ({@code vtt}, {@code srt}, {@code json}, {@code html}). */
    public static String transcript(String podcast, String episode, String extension) {
        return "/transcripts/" + podcast + "/" + episode + "." + extension;
    }
}
