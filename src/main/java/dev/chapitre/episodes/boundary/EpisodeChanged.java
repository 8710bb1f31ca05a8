package dev.chapitre.episodes.boundary;

/** Fired when an episode, its audio or its chapters changed (re-tagging and feeds react to it). */
public record EpisodeChanged(long episodeId) {
}
