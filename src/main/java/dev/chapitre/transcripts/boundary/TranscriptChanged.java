package dev.chapitre.transcripts.boundary;

/**
 * Fired when an episode's transcript was stored, replaced or deleted: the feed's links, the public
 * files and the published tree follow. Not an EpisodeChanged: the MP3's tag carries no transcript,
 * so nothing is re-tagged.
 */
public record TranscriptChanged(long podcastId, long episodeId) {
}
