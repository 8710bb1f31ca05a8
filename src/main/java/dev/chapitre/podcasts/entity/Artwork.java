package dev.chapitre.podcasts.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** The show's cover image as stored: its media-storage key, type and size in pixels. */
@Embeddable
public class Artwork {

    @Column(name = "artwork_key", length = 200)
    private String key;
    @Column(name = "artwork_type", length = 20)
    private String mediaType;
    @Column(name = "artwork_size")
    private int sizePixels;
    @Column(name = "artwork_bytes")
    private long bytes;

    protected Artwork() {
    }

    public Artwork(String key, String mediaType, int sizePixels, long bytes) {
        this.key = key;
        this.mediaType = mediaType;
        this.sizePixels = sizePixels;
        this.bytes = bytes;
    }

    public String key() {
        return key;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return "image/png".equals(mediaType) ? "png" : "jpg";
    }
}
