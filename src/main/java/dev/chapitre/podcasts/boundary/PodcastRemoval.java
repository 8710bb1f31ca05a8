package dev.chapitre.podcasts.boundary;

import dev.chapitre.podcasts.entity.Podcast;

/** Fired inside the transaction that deletes a show, so that what belongs to it goes too. */
public record PodcastRemoval(Podcast podcast) {
}
