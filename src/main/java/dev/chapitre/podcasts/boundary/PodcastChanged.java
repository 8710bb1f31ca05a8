package dev.chapitre.podcasts.boundary;

/** Fired when a show's own fields or artwork changed (re-tagging and feeds react to it). */
public record PodcastChanged(long podcastId) {
}
