package dev.chapitre.chapters.control;

import dev.chapitre.platform.entity.Message;

/**
 * An upload that cannot be a chapter's image; the reason says why, in words that follow
 * "The image was not saved: ". {@code NOT_AN_IMAGE}: its bytes are not JPEG or PNG (or not the type
 * it was sent as); {@code UNUSABLE}: it is, but damaged, cut short or far too large. The message is
 * the reason in English.
 */
public class NotChapterArt extends Exception {

    public enum Kind { NOT_AN_IMAGE, UNUSABLE }

    private final Kind kind;
    private final Message reason;

    public NotChapterArt(Kind kind, Message reason) {
        super(reason.toString());
        this.kind = kind;
        this.reason = reason;
    }

    public Kind kind() {
        return kind;
    }

    /** Why, in words for the reader's language. */
    public Message reason() {
        return reason;
    }
}
