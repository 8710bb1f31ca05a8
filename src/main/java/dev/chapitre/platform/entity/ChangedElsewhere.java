package dev.chapitre.platform.entity;

/**
 * Another instance of the cluster committed a change to a show (its settings, episodes, chapters
 * or audio): what this instance keeps of that show in memory is out of date.
 */
public record ChangedElsewhere(long podcastId) {
}
