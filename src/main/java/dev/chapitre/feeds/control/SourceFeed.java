package dev.chapitre.feeds.control;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A show's feed at another host, as {@link FeedReader} read it: what moving the show in needs, in
 * plain values, so that the feature that imports it never sees Rome. Texts are as the feed had them
 * (trimmed); nothing here is checked against Chapitre's rules yet.
 */
public record SourceFeed(String title, Optional<String> description, Optional<String> language, Optional<String> author,
                         Optional<String> ownerName, Optional<String> ownerEmail, List<Category> categories,
                         Optional<Boolean> explicit, Optional<String> type, Optional<String> copyright, Optional<String> link,
                         Optional<String> imageUrl, Optional<String> guid, boolean locked, Optional<String> lockedOwner,
                         Optional<String> medium, Optional<String> newFeedUrl, List<Person> persons, List<Item> items) {

    /** An iTunes category with its subcategory, as written (Apple's names are checked by the importer). */
    public record Category(String name, Optional<String> subcategory) {
    }

    /** A {@code podcast:person}. */
    public record Person(String name, String role, String group, Optional<String> href, Optional<String> img) {
    }

    /** A {@code psc:chapters} chapter: its start as written (normal play time), title, link and image. */
    public record Chapter(String start, String title, Optional<String> href, Optional<String> image) {
    }

    /** A {@code podcast:transcript}. */
    public record Transcript(String url, String type, Optional<String> language, Optional<String> rel) {
    }

    /** An {@code enclosure}: its address, declared type and declared length (0 when absent). */
    public record Enclosure(String url, String type, long length) {
    }

    public record Item(Optional<String> guid, Optional<String> title, Optional<Instant> publishedAt, Optional<String> notes,
                       Optional<Integer> season, Optional<Integer> number, Optional<String> episodeType, Optional<Boolean> explicit,
                       Optional<String> imageUrl, List<Person> persons, Optional<Enclosure> enclosure, Optional<Long> durationMs,
                       Optional<String> chaptersUrl, List<Chapter> pscChapters, List<Transcript> transcripts) {
    }
}
