package dev.chapitre.chapters.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Objects;
import java.util.Optional;

/**
 * One chapter: where it starts (milliseconds from the start of the audio), its title, and an
 * optional link and image. {@code toc} false hides it from tables of contents (ID3 CTOC, the
 * Podcasting 2.0 JSON) while keeping it as a marker.
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

    protected Chapter() {
    }

    public Chapter(long startMs, String title, String url, String img, boolean toc) {
        this.startMs = startMs;
        this.title = title;
        this.url = url;
        this.img = img;
        this.toc = toc;
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

    @Override
    public boolean equals(Object o) {
        return o instanceof Chapter c && startMs == c.startMs && toc == c.toc && Objects.equals(title, c.title)
                && Objects.equals(url, c.url) && Objects.equals(img, c.img);
    }

    @Override
    public int hashCode() {
        return Objects.hash(startMs, title, url, img, toc);
    }

    @Override
    public String toString() {
        return startMs + "ms " + title;
    }
}
