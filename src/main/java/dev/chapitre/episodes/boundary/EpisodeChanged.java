package dev.chapitre.episodes.boundary;

/**
 * Fired when an episode, its audio or its chapters changed (re-tagging and feeds react to it).
 * {@code baseUrl} is the public address at the time of the change, for URLs written into the file.
 */
public record EpisodeChanged(long episodeId, String baseUrl) {
}
