package dev.chapitre.feeds.control.podcastindex.types;

import java.io.Serializable;

/** {@code <podcast:txt purpose="…">text</podcast:txt>}: free text, e.g. a verification string. */
public record PodcastTxt(String purpose, String text) implements Serializable {
}
