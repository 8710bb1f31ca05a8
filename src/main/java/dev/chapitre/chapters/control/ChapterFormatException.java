package dev.chapitre.chapters.control;

/** The input is not in the chapter format it claims to be (as opposed to breaking a chapter rule). */
public class ChapterFormatException extends RuntimeException {
    public ChapterFormatException(String message) {
        super(message);
    }
}
