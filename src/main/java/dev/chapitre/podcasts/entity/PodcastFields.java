package dev.chapitre.podcasts.entity;

import java.util.List;

/** The fields of a show that its producer writes; every one may be absent (null). */
public record PodcastFields(String slug, String title, String description, String language, String author,
                            String ownerName, String ownerEmail, String category, String subcategory,
                            Boolean explicit, String type, String link, String copyright, Boolean locked,
                            String medium, List<Person> persons, List<TxtRecord> txt, String redirectTo) {
}
