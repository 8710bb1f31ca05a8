package dev.chapitre.chapters.control;

/**
 * An upload that cannot be a chapter's image; the message says why, in words that follow
 * "The image was not saved: ". {@code NOT_AN_IMAGE}: its bytes are not JPEG or PNG (or not the type
 * it was sent as); {@code UNUSABLE}: it is, but damaged, cut short or far too large.
 */
public class NotChapterArt extends Exception {

    public enum Kind { NOT_AN_IMAGE, UNUSABLE }

    private final Kind kind;

    public NotChapterArt(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
