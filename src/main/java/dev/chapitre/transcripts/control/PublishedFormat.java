package dev.chapitre.transcripts.control;

import java.util.Arrays;
import java.util.Optional;

/**
 * The formats a transcript is published in, in the order a feed lists them: WebVTT first (Apple
 * Podcasts reads it, with speaker names), SRT, the Podcasting 2.0 JSON, and a page to read. The
 * timed ones are captions ({@code rel="captions"}).
 */
public enum PublishedFormat {
    VTT("vtt", "text/vtt", true),
    SRT("srt", "application/x-subrip", true),
    JSON("json", "application/json", true),
    HTML("html", "text/html", false);

    private final String extension;
    private final String mediaType;
    private final boolean timed;

    PublishedFormat(String extension, String mediaType, boolean timed) {
        this.extension = extension;
        this.mediaType = mediaType;
        this.timed = timed;
    }

    public String extension() {
        return extension;
    }

    /** The type a feed names it by. */
    public String mediaType() {
        return mediaType;
    }

    /** The type it is served with: text says its charset, so no browser guesses one. */
    public String contentType() {
        return this == JSON ? mediaType : mediaType + "; charset=utf-8";
    }

    public boolean timed() {
        return timed;
    }

    public static Optional<PublishedFormat> byExtension(String extension) {
        return Arrays.stream(values()).filter(f -> f.extension.equals(extension)).findFirst();
    }
}
