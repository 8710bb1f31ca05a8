package dev.chapitre.retagging.boundary;

/** Fired when a freshly tagged MP3 replaced the served one (its length changed; feeds react). */
public record EpisodeRetagged(long podcastId, long episodeId) {
}
