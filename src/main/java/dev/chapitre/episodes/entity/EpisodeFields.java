package dev.chapitre.episodes.entity;

import dev.chapitre.podcasts.entity.Person;
import java.time.Instant;
import java.util.List;

/** The fields of an episode that its producer writes; null means "no value". */
public record EpisodeFields(String slug, String title, String description, Instant publishedAt, Integer season,
                            Integer number, String type, Boolean explicit, String image,
                            List<Person> persons) {
}
