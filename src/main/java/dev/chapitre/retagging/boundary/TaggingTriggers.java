package dev.chapitre.retagging.boundary;

import dev.chapitre.episodes.boundary.EpisodeChanged;
import dev.chapitre.podcasts.boundary.PodcastChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

/** Re-tagging follows committed changes only, so it never reads data that may still roll back. */
@ApplicationScoped
public class TaggingTriggers {

    @Inject
    Retagger retagger;

    @Inject
    TagJobs jobs;

    void episodeChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) EpisodeChanged change) {
        retagger.schedule(change.episodeId(), change.baseUrl());
    }

    void showChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) PodcastChanged change) {
        jobs.episodesOf(change.podcast().id()).forEach(id -> retagger.schedule(id, change.baseUrl()));
    }
}
