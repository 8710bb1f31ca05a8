package dev.chapitre.transcripts.control;

import java.util.List;

/** The lines of a transcript's text, whatever its line ends, without a byte order mark. */
final class TextLines {

    private TextLines() {
    }

    /** Index 0 is line 1. */
    static List<String> of(String text) {
        var body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        return List.of(body.split("\r\n|\r|\n", -1));
    }
}
