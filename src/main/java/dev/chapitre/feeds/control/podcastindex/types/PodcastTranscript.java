package dev.chapitre.feeds.control.podcastindex.types;

import java.io.Serializable;

/** {@code <podcast:transcript url type language rel>} of an item. */
public record PodcastTranscript(String url, String type, String language, String rel) implements Serializable {
}
