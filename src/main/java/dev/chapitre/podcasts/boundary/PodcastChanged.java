package dev.chapitre.podcasts.boundary;

import dev.chapitre.podcasts.entity.Podcast;

/**
 * Fired inside the transaction that changed a show's own fields or artwork; its episodes react
 * (their tags name the show) and re-tagging follows the commit.
 */
public record PodcastChanged(Podcast podcast, String baseUrl) {
}
