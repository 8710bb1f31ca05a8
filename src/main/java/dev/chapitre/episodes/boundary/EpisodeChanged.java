package dev.chapitre.episodes.boundary;

import dev.chapitre.episodes.entity.Episode;

/**
 * Fired when an episode, its audio or its chapters changed, or it was deleted (re-tagging and
 * feeds react to it). {@code baseUrl} is the public address at the time of the change, for URLs
 * written into the file.
 */
public record EpisodeChanged(long podcastId, long episodeId, String baseUrl) {

    public static EpisodeChanged of(Episode episode, String baseUrl) {
        return new EpisodeChanged(episode.podcast().id(), episode.id(), baseUrl);
    }
}
