package dev.chapitre.episodes.boundary;

import dev.chapitre.episodes.entity.Episode;

/** Fired inside the transaction that deletes an episode, so that what belongs to it goes too. */
public record EpisodeRemoval(Episode episode) {
}
