package dev.chapitre.episodes.entity;

import dev.chapitre.chapters.entity.Chapter;
import dev.chapitre.chapters.entity.ChapterList;
import dev.chapitre.chapters.entity.ChapterTime;
import dev.chapitre.platform.control.PublicPaths;
import dev.chapitre.platform.entity.InstantColumn;
import dev.chapitre.platform.entity.InvalidInput;
import dev.chapitre.platform.entity.LanguageTag;
import dev.chapitre.platform.entity.Message;
import dev.chapitre.platform.entity.Slug;
import dev.chapitre.platform.entity.Violation;
import dev.chapitre.platform.entity.Violations;
import dev.chapitre.podcasts.entity.Person;
import dev.chapitre.podcasts.entity.Podcast;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Lob;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import jakarta.persistence.Version;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** An episode of a show, with its audio, credits and chapters. */
@Entity
@Table(name = "episode", uniqueConstraints = {@UniqueConstraint(columnNames = {"podcast_id", "slug"}),
        @UniqueConstraint(columnNames = {"podcast_id", "guid"})})
@NamedQuery(name = Episode.OF_PODCAST, query = "SELECT e FROM Episode e WHERE e.podcast = :podcast ORDER BY e.publishedAt DESC, e.createdAt DESC")
@NamedQuery(name = Episode.PUBLISHED_OF_PODCAST, query = "SELECT e FROM Episode e WHERE e.podcast = :podcast AND " + Episode.PUBLIC_AT_NOW
        + " ORDER BY e.publishedAt DESC, e.createdAt DESC")
@NamedQuery(name = Episode.PUBLISHED_COUNT, query = "SELECT COUNT(e) FROM Episode e WHERE e.podcast = :podcast AND " + Episode.PUBLIC_AT_NOW)
@NamedQuery(name = Episode.PUBLISHED_AUDIO, query = Episode.AUDIO_BY_SLUGS + " AND " + Episode.PUBLIC_AT_NOW)
@NamedQuery(name = Episode.OWNED_AUDIO, query = Episode.AUDIO_BY_SLUGS + " AND (e.podcast.owner = :producer OR EXISTS (SELECT m"
        + " FROM ShowMember m WHERE m.podcast = e.podcast AND m.producer = :producer AND m.acceptedAt IS NOT NULL))")
@NamedQuery(name = Episode.NEXT_SCHEDULED, query = "SELECT MIN(e.publishedAt) FROM Episode e WHERE e.podcast = :podcast AND e.publishedAt > :now")
@NamedQuery(name = Episode.AUDIO_KEYS, query = "SELECT e.audio.key FROM Episode e")
@NamedQuery(name = Episode.CHAPTER_IMAGE_KEYS, query = "SELECT c.imageKey FROM Episode e JOIN e.chapters c WHERE c.imageKey IS NOT NULL")
@NamedQuery(name = Episode.WITH_CHAPTER_IMAGE, query = "SELECT e FROM Episode e JOIN e.chapters c WHERE c.imageKey = :key")
@NamedQuery(name = Episode.UNTAGGED, query = "SELECT e.id FROM Episode e WHERE e.audio.taggedRevision <> e.contentRevision")
@NamedQuery(name = Episode.UNTAGGED_WITHOUT_ERROR, query = "SELECT e.id FROM Episode e WHERE e.audio.taggedRevision <> e.contentRevision"
        + " AND e.audio.tagError IS NULL")
@NamedQuery(name = Episode.GUIDS_OF_PODCAST, query = "SELECT e.guid FROM Episode e WHERE e.podcast.id = :podcast")
@NamedQuery(name = Episode.BY_SLUG, query = "SELECT e FROM Episode e WHERE e.podcast = :podcast AND e.slug = :slug")
public class Episode {

    public static final String OF_PODCAST = "Episode.ofPodcast";
    public static final String AUDIO_KEYS = "Episode.audioKeys";
    /** Every chapter image stored, by media key. */
    public static final String CHAPTER_IMAGE_KEYS = "Episode.chapterImageKeys";
    /** The episode one of whose chapters shows the image stored at {@code :key}. */
    public static final String WITH_CHAPTER_IMAGE = "Episode.withChapterImage";
    public static final String UNTAGGED = "Episode.untagged";
    public static final String UNTAGGED_WITHOUT_ERROR = "Episode.untaggedWithoutError";
    public static final String BY_SLUG = "Episode.bySlug";
    public static final String GUIDS_OF_PODCAST = "Episode.guidsOfPodcast";
    public static final String PUBLISHED_OF_PODCAST = "Episode.publishedOfPodcast";
    public static final String NEXT_SCHEDULED = "Episode.nextScheduled";
    public static final String PUBLISHED_COUNT = "Episode.publishedCount";
    /** The stored audio of a published episode, by show and episode slug: key, show id, episode id, bit rate. */
    public static final String PUBLISHED_AUDIO = "Episode.publishedAudio";
    /** The same for any episode of a show that {@code :producer} owns or edits: drafts are heard by their producers. */
    public static final String OWNED_AUDIO = "Episode.ownedAudio";
    /** The public rule of {@link #isPublicAt} in JPQL, for an episode {@code e} and a parameter {@code :now}. */
    static final String PUBLIC_AT_NOW = "e.publishedAt IS NOT NULL AND e.publishedAt <= :now";
    static final String AUDIO_BY_SLUGS = "SELECT e.audio.key, e.podcast.id, e.id, e.audio.bitrateKbps, e.audio.length FROM Episode e"
            + " WHERE e.podcast.slug = :podcast AND e.slug = :episode";
    public static final int MAX_TITLE = 255;
    public static final int MAX_DESCRIPTION = 100_000;
    /** RSS sets no limit on a guid; real ones (URLs, tag: URIs) stay far below this. */
    public static final int MAX_GUID = 1000;
    /** Feeds write four-digit years (RFC 822 dates); older than 1900 is a typing mistake. */
    static final Instant EARLIEST_PUBLICATION = Instant.parse("1900-01-01T00:00:00Z");
    static final Instant LATEST_PUBLICATION = Instant.parse("9999-12-31T23:59:59Z");

    public enum Status { DRAFT, SCHEDULED, PUBLISHED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    /** Ours (a UUID), or kept exactly from the host the show moved in from; unique within the show. */
    @Column(nullable = false, length = 2 * MAX_GUID)
    private String guid;

    @ManyToOne(optional = false)
    @JoinColumn(name = "podcast_id", nullable = false)
    private Podcast podcast;

    @Column(nullable = false, length = Slug.MAX_LENGTH)
    private String slug;
    @Column(nullable = false, length = MAX_TITLE)
    private String title;
    @Lob
    private String description;
    private Instant publishedAt;
    private Integer season;
    private Integer number;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private EpisodeType type;
    private Boolean explicit;
    @Column(length = 2000)
    private String image;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "episode_person", joinColumns = @JoinColumn(name = "episode_id", nullable = false))
    @OrderColumn(name = "position")
    private List<Person> persons = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "episode_chapter", joinColumns = @JoinColumn(name = "episode_id", nullable = false))
    @OrderColumn(name = "position")
    private List<Chapter> chapters = new ArrayList<>();

    @Embedded
    private AudioFile audio;

    /**
     * The language of the episode's transcript when it has one: kept here by {@code transcripts}, so
     * that the feed and the API link it without reading the transcript.
     */
    @Column(name = "transcript_language", length = LanguageTag.MAX_LENGTH)
    private String transcriptLanguage;
    /** When the transcript's last cue ends: new audio must last that long (as for chapters). */
    @Column(name = "transcript_end_ms")
    private Long transcriptEndMs;

    /** Counts changes that the MP3's tag must reflect (the episode's or its show's). */
    @Column(nullable = false, columnDefinition = "BIGINT DEFAULT 0 NOT NULL") // a default lets it be added to existing rows
    private long contentRevision;

    @Column(nullable = false)
    private Instant createdAt;
    @Column(nullable = false)
    private Instant updatedAt;
    @Version
    private long version;

    protected Episode() {
    }

    public Episode(Podcast podcast, String slug, String guid, EpisodeFields fields, AudioFile audio) {
        if (guid == null || guid.isBlank() || guid.length() > MAX_GUID) {
            new Violations().add("guid", "episodes.guid.length", MAX_GUID).throwIfAny("episodes.invalid");
        }
        this.podcast = podcast;
        this.slug = slug;
        this.guid = guid;
        this.audio = audio;
        this.type = EpisodeType.FULL;
        this.createdAt = InstantColumn.now();
        apply(fields);
    }

    public static void check(EpisodeFields f, Violations violations) {
        Slug.check("slug", f.slug(), violations);
        violations.requireText("title", f.title(), MAX_TITLE);
        violations.limitText("description", f.description(), MAX_DESCRIPTION);
        if (f.publishedAt() != null && (f.publishedAt().isBefore(EARLIEST_PUBLICATION) || f.publishedAt().isAfter(LATEST_PUBLICATION))) {
            violations.add("publishedAt", "episodes.publishedAt.range", EARLIEST_PUBLICATION, LATEST_PUBLICATION);
        }
        if (f.season() != null && f.season() < 1) {
            violations.add("season", "episodes.season.min");
        }
        if (f.number() != null && f.number() < 0) {
            violations.add("number", "episodes.number.min");
        }
        if (f.type() != null && EpisodeType.fromJson(f.type()).isEmpty()) {
            violations.add("type", "episodes.type.unknown");
        }
        Person.check("persons", f.persons(), violations);
        violations.webUrl("image", f.image());
    }

    public void apply(EpisodeFields f) {
        var violations = new Violations();
        check(f, violations);
        violations.throwIfAny("episodes.invalid");
        this.title = f.title().strip();
        this.description = f.description();
        this.publishedAt = InstantColumn.stored(f.publishedAt());
        this.season = f.season();
        this.number = f.number();
        this.type = f.type() == null ? EpisodeType.FULL : EpisodeType.fromJson(f.type()).orElseThrow();
        this.explicit = f.explicit();
        this.image = f.image();
        this.persons.clear();
        if (f.persons() != null) {
            this.persons.addAll(f.persons());
        }
        touch();
    }

    /**
     * Replaces all chapters after checking them against the audio; see {@link ChapterList}. A chapter
     * whose {@code img} is the address of an image stored for one of this episode's chapters keeps
     * that image (an editor sends back what it read), whichever chapter it is now. Answers the
     * stored images that no chapter shows any more: the caller retires them.
     */
    public Set<String> replaceChapters(List<Chapter> incoming) {
        var before = chapterImageKeys();
        var sorted = ChapterList.validated(asStored(incoming), audio.durationMs());
        chapters.clear();
        chapters.addAll(sorted);
        touch();
        return dropped(before);
    }

    /**
     * Chapter {@code number} (from 1, as the editor and the page number them) shows the image stored
     * at {@code key}, or no image at all (empty); answers the stored images no chapter shows any more.
     */
    public Set<String> replaceChapterImage(int number, Optional<String> key) {
        if (number < 1 || number > chapters.size()) {
            throw new IllegalArgumentException("No chapter " + number + " of " + chapters.size());
        }
        var before = chapterImageKeys();
        var chapter = chapters.get(number - 1);
        chapters.set(number - 1, key.map(chapter::withStoredImage).orElseGet(chapter::withoutImage));
        touch();
        return dropped(before);
    }

    /** Chapters an editor sent, with the images stored for this episode that they name by address (as a save would keep them). */
    public List<Chapter> asStored(List<Chapter> drafts) {
        var stored = chapterImageKeys();
        return drafts.stream().map(chapter -> withOwnImage(chapter, stored)).toList();
    }

    /** The media keys of the images stored for its chapters. */
    public Set<String> chapterImageKeys() {
        var keys = new HashSet<String>();
        chapters.forEach(chapter -> chapter.imageKey().ifPresent(keys::add));
        return keys;
    }

    /** The chapters as documents show them: a stored image by its public address under {@code baseUrl}. */
    public List<Chapter> publicChapters(String baseUrl) {
        return chapters.stream().map(chapter -> chapter.addressed(key -> baseUrl + PublicPaths.chapterImage(key))).toList();
    }

    private Set<String> dropped(Set<String> before) {
        var gone = new HashSet<>(before);
        gone.removeAll(chapterImageKeys());
        return gone;
    }

    /** By the path of its address only: the studio may be reached under another host name than the one the feed uses. */
    private static Chapter withOwnImage(Chapter chapter, Set<String> stored) {
        return chapter.img().flatMap(img -> pathOf(img).flatMap(path -> stored.stream()
                        .filter(key -> path.equals(PublicPaths.chapterImage(key))).findFirst()))
                .map(chapter::withStoredImage).orElse(chapter);
    }

    private static Optional<String> pathOf(String url) {
        try {
            return Optional.ofNullable(URI.create(url).getRawPath());
        } catch (IllegalArgumentException notAUrl) {
            return Optional.empty(); // ChapterList says so
        }
    }

    /**
     * New audio. Chapters that would start at or after its end are refused, each named, and the old
     * audio stays, unless the producer chose to drop them ({@code dropChaptersPastTheEnd}); answers
     * the stored images no chapter shows any more (the caller retires them).
     */
    public Set<String> replaceAudio(AudioFile newAudio, boolean dropChaptersPastTheEnd) {
        var pastTheEnd = chapters.stream().filter(chapter -> chapter.startMs() >= newAudio.durationMs()).toList();
        var violations = new ArrayList<Violation>();
        if (!dropChaptersPastTheEnd) {
            for (var chapter : pastTheEnd) {
                int index = chapters.indexOf(chapter);
                violations.add(ChapterList.violation(index, "startTime", "episodes.startTime.pastTheNewEnd",
                        ChapterTime.format(chapter.startMs()), chapter.title()));
            }
        }
        // the transcript's own rule lets a last cue end up to a second after the audio (decoders differ)
        if (transcriptEndMs != null && transcriptEndMs > newAudio.durationMs() + 1000) {
            violations.add(new Violation("audio", Message.of("episodes.audio.shorterThanTranscript",
                    ChapterTime.format(transcriptEndMs), ChapterTime.format(newAudio.durationMs()))));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInput(refusal(pastTheEnd.size(), dropChaptersPastTheEnd, newAudio.durationMs()), violations);
        }
        var before = chapterImageKeys();
        chapters.removeAll(pastTheEnd);
        newAudio.keepTagBaseUrl(audio);
        this.audio = newAudio;
        touch();
        return dropped(before);
    }

    /** What a refused replacement says first: the producer must know the listeners still get the old audio. */
    public static final Message AUDIO_KEPT = Message.of("episodes.audio.kept");

    /** {@link #AUDIO_KEPT}, then the chapters it would leave out, and how to drop them. */
    private static Message refusal(int pastTheEnd, boolean dropping, long newDurationMs) {
        if (pastTheEnd == 0 || dropping) {
            return AUDIO_KEPT;
        }
        return pastTheEnd == 1 ? Message.of("episodes.audio.kept.chapter", ChapterTime.format(newDurationMs))
                : Message.of("episodes.audio.kept.chapters", ChapterTime.format(newDurationMs));
    }

    /**
     * A transcript was stored (its language, when its last cue ends) or deleted (empty): the feed's item changed, the MP3's
     * tag did not, so nothing is re-tagged.
     */
    public void transcriptChanged(Optional<String> language, Optional<Long> lastCueEndMs) {
        this.transcriptLanguage = language.orElse(null);
        this.transcriptEndMs = lastCueEndMs.orElse(null);
        this.updatedAt = InstantColumn.now();
    }

    public Optional<String> transcriptLanguage() {
        return Optional.ofNullable(transcriptLanguage);
    }

    public void changeSlug(String newSlug) {
        this.slug = newSlug;
        touch();
    }

    private void touch() {
        this.updatedAt = InstantColumn.now();
        this.contentRevision++;
        audio.forgetTagError();
    }

    /** The show's title, author or artwork changed: the tag must be rebuilt. */
    public void showChanged() {
        contentRevision++;
        audio.forgetTagError();
    }

    public long contentRevision() {
        return contentRevision;
    }

    /** Whether the served MP3 carries a tag built from the current content. */
    public boolean isTagged() {
        return audio.taggedRevision() == contentRevision;
    }



    public Status status(Instant now) {
        if (publishedAt == null) {
            return Status.DRAFT;
        }
        return isPublicAt(now) ? Status.PUBLISHED : Status.SCHEDULED;
    }

    /**
     * Whether anyone may see the episode, its audio and its chapters at {@code now}: it has a
     * publication date, and that date has come. The queries say the same ({@link #PUBLIC_AT_NOW}).
     */
    public boolean isPublicAt(Instant now) {
        return publishedAt != null && !publishedAt.isAfter(now);
    }

    public EpisodeFields fields() {
        return new EpisodeFields(slug, title, description, publishedAt, season, number, type.json(), explicit, image, List.copyOf(persons));
    }


    public Long id() {
        return id;
    }

    public String guid() {
        return guid;
    }

    public Podcast podcast() {
        return podcast;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public Optional<Instant> publishedAt() {
        return Optional.ofNullable(publishedAt);
    }

    public List<Person> persons() {
        return List.copyOf(persons);
    }

    public List<Chapter> chapters() {
        return List.copyOf(chapters);
    }

    public AudioFile audio() {
        return audio;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public String etag() {
        return "\"e" + id + "v" + version + "\"";
    }
}
