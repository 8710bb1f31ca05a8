package dev.chapitre.chapters.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Objects;
import java.util.Optional;

/**
 * One chapter: where it starts (milliseconds from the start of the audio), its title, and an
 * optional link and image. {@code toc} false hides it from tables of contents (ID3 CTOC, the
 * Podcasting 2.0 JSON) while keeping it as a marker.
 * <p>
 * The image is either linked ({@code img}: an address elsewhere) or stored here ({@code imageKey}:
 * the media key of an image the producer uploaded). A stored image's address depends on the public
 * base URL of whoever reads it, so it is not kept: {@link #addressed} gives the chapter with it, for
 * the documents that show chapters.
 */
@Embeddable
public class Chapter {

    @Column(name = "start_ms", nullable = false)
    private long startMs;
    @Column(name = "title", nullable = false, length = 2 * ChapterList.MAX_TITLE) // the limit counts characters; the column UTF-16 units
    private String title;
    @Column(name = "url", length = 2000)
    private String url;
    @Column(name = "img", length = 2000)
    private String img;
    @Column(name = "toc", nullable = false)
    private boolean toc = true;
    @Column(name = "image_key", length = 200)
    private String imageKey;

    protected Chapter() {
    }

    public Chapter(long startMs, String title, String url, String img, boolean toc) {
        this.startMs = startMs;
        this.title = title;
        this.url = url;
        this.img = img;
        this.toc = toc;
    }

    private Chapter(long startMs, String title, String url, String img, boolean toc, String imageKey) {
        this(startMs, title, url, img, toc);
        this.imageKey = imageKey;
    }

    public long startMs() {
        return startMs;
    }

    public String title() {
        return title;
    }

    public Optional<String> url() {
        return Optional.ofNullable(url);
    }

    public Optional<String> img() {
        return Optional.ofNullable(img);
    }

    public boolean toc() {
        return toc;
    }

    /** The media key of the image stored for this chapter, when it has one. */
    public Optional<String> imageKey() {
        return Optional.ofNullable(imageKey);
    }

    /** The same chapter showing the image stored at {@code key} (no link any more). */
    public Chapter withStoredImage(String key) {
        return new Chapter(startMs, title, url, null, toc, key);
    }

    /** The same chapter without an image, stored or linked. */
    public Chapter withoutImage() {
        return new Chapter(startMs, title, url, null, toc, null);
    }

    /** With {@code img} the address of its stored image, if it has one ({@code address}: key to public URL). */
    public Chapter addressed(java.util.function.Function<String, String> address) {
        return imageKey == null ? this : new Chapter(startMs, title, url, address.apply(imageKey), toc, imageKey);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Chapter c && startMs == c.startMs && toc == c.toc && Objects.equals(title, c.title)
                && Objects.equals(url, c.url) && Objects.equals(img, c.img) && Objects.equals(imageKey, c.imageKey);
    }

    @Override
    public int hashCode() {
        return Objects.hash(startMs, title, url, img, toc, imageKey);
    }

    @Override
    public String toString() {
        return startMs + "ms " + title;
    }
}
