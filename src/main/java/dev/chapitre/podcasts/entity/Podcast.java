package dev.chapitre.podcasts.entity;

import dev.chapitre.platform.entity.InstantColumn;
import dev.chapitre.platform.entity.LanguageTag;
import dev.chapitre.platform.entity.Slug;
import dev.chapitre.platform.entity.Violations;
import dev.chapitre.security.entity.Producer;
import jakarta.persistence.CascadeType;
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
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A show. Every write goes through {@link #apply}, which checks all fields before changing any. */
@Entity
@Table(name = "podcast")
@NamedQuery(name = Podcast.BY_SLUG, query = "SELECT p FROM Podcast p WHERE p.slug = :slug")
@NamedQuery(name = Podcast.ARTWORK_KEYS, query = "SELECT p.artwork.key FROM Podcast p WHERE p.artwork.key IS NOT NULL")
@NamedQuery(name = Podcast.BY_TITLE, query = "SELECT p FROM Podcast p ORDER BY p.title")
@NamedQuery(name = Podcast.ARTWORK_BY_SLUG, query = "SELECT p.artwork.key, p.artwork.mediaType, p.id FROM Podcast p"
        + " WHERE p.slug = :slug AND p.artwork.key IS NOT NULL")
@NamedQuery(name = Podcast.BY_GUID, query = "SELECT p FROM Podcast p WHERE p.guid = :guid")
@NamedQuery(name = Podcast.OF_TEAM, query = "SELECT p FROM Podcast p WHERE p.owner = :producer OR EXISTS (SELECT m FROM ShowMember m"
        + " WHERE m.podcast = p AND m.producer = :producer AND m.acceptedAt IS NOT NULL) ORDER BY p.title")
@NamedQuery(name = Podcast.INVITATIONS, query = "SELECT m FROM ShowMember m WHERE m.producer = :producer AND m.acceptedAt IS NULL"
        + " ORDER BY m.invitedAt")
public class Podcast {

    public static final String BY_SLUG = "Podcast.bySlug";
    /** The shows {@code :producer} works on: owns, or edits having accepted the invitation. */
    public static final String OF_TEAM = "Podcast.ofTeam";
    /** The invitations {@code :producer} has not answered yet. */
    public static final String INVITATIONS = "Podcast.invitations";
    public static final String BY_GUID = "Podcast.byGuid";
    public static final String ARTWORK_KEYS = "Podcast.artworkKeys";
    public static final String BY_TITLE = "Podcast.byTitle";
    /** A show's stored artwork by its slug: key, media type, show id. */
    public static final String ARTWORK_BY_SLUG = "Podcast.artworkBySlug";
    public static final int MAX_TITLE = 255;
    public static final int MAX_DESCRIPTION = 4000;
    public static final int MAX_GUID = 255;
    /** podcast:medium values of the Podcasting 2.0 spec; the "L" forms are lists of such feeds. */
    public static final Set<String> MEDIUMS = Set.of("podcast", "music", "video", "film", "audiobook", "newsletter",
            "blog", "publisher", "course", "podcastL", "musicL", "videoL", "filmL", "audiobookL", "newsletterL", "blogL",
            "publisherL", "courseL", "mixed");

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    /** The Podcasting 2.0 {@code podcast:guid}: ours, or kept from the host the show moved in from. */
    @Column(nullable = false, unique = true, length = 2 * MAX_GUID)
    private String guid;

    @Column(nullable = false, unique = true, length = Slug.MAX_LENGTH)
    private String slug;

    @ManyToOne(optional = false)
    @JoinColumn(name = "owner_id")
    private Producer owner;

    /** The team besides the owner: editors, and producers invited to be. */
    @OneToMany(mappedBy = "podcast", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("invitedAt")
    private List<ShowMember> members = new ArrayList<>();

    @Column(nullable = false, length = MAX_TITLE)
    private String title;
    @Lob
    private String description;
    @Column(nullable = false, length = 35)
    private String language;
    @Column(length = 255)
    private String author;
    @Column(length = 255)
    private String ownerName;
    @Column(length = 254)
    private String ownerEmail;
    @Column(length = 100)
    private String category;
    @Column(length = 100)
    private String subcategory;
    private boolean explicit;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private ShowType type;
    @Column(length = 2000)
    private String link;
    @Column(length = 500)
    private String copyright;
    private boolean locked;
    @Column(length = 20, columnDefinition = "VARCHAR(20) DEFAULT 'podcast' NOT NULL") // a default lets it be added to existing rows
    private String medium;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "podcast_person", joinColumns = @JoinColumn(name = "podcast_id", nullable = false))
    @OrderColumn(name = "position")
    private List<Person> persons = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "podcast_txt", joinColumns = @JoinColumn(name = "podcast_id", nullable = false))
    @OrderColumn(name = "position")
    private List<TxtRecord> txt = new ArrayList<>();

    /** Moved out: the feed answers 301 to this address. */
    @Column(name = "redirect_to", length = 2000)
    private String redirectTo;

    @Embedded
    private Artwork artwork;

    @Column(nullable = false)
    private Instant createdAt;
    @Column(nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Podcast() {
    }

    /**
     * A new show; its guid is the Podcasting 2.0 one, derived once from its first feed URL, or the
     * one it had at the host it moved in from (its identity for the apps and directories).
     */
    public Podcast(Producer owner, String slug, String guid, PodcastFields fields) {
        if (guid == null || guid.isBlank() || guid.length() > MAX_GUID) {
            new Violations().add("guid", "podcasts.guid.length", MAX_GUID).throwIfAny("podcasts.invalid");
        }
        this.owner = owner;
        this.slug = slug;
        this.guid = guid;
        this.language = "en";
        this.type = ShowType.EPISODIC;
        this.createdAt = InstantColumn.now();
        this.updatedAt = createdAt;
        apply(fields);
    }

    /** Checks every field of the target state; on any violation nothing changes. */
    public static void check(PodcastFields f, Violations violations) {
        Slug.check("slug", f.slug(), violations);
        violations.requireText("title", f.title(), MAX_TITLE);
        violations.limitText("description", f.description(), MAX_DESCRIPTION);
        LanguageTag.check("language", f.language(), violations);
        violations.limitText("author", f.author(), 255).limitText("ownerName", f.ownerName(), 255)
                .limitText("copyright", f.copyright(), 500);
        if (f.ownerEmail() != null && !Producer.isPlausibleEmail(f.ownerEmail())) {
            violations.add("ownerEmail", "podcasts.ownerEmail.email");
        }
        violations.xmlText("ownerEmail", f.ownerEmail());
        if (f.category() != null && !AppleCategories.isCategory(f.category())) {
            violations.add("category", "podcasts.category.apple");
        }
        if (f.subcategory() != null) {
            if (f.category() == null) {
                violations.add("subcategory", "podcasts.subcategory.noCategory");
            } else if (AppleCategories.isCategory(f.category()) && !AppleCategories.isSubcategory(f.category(), f.subcategory())) {
                violations.add("subcategory", "podcasts.subcategory.notOfCategory", f.category());
            }
        }
        if (f.type() != null && ShowType.fromJson(f.type()).isEmpty()) {
            violations.add("type", "podcasts.type.values");
        }
        violations.webUrl("link", f.link());
        if (f.medium() != null && !MEDIUMS.contains(f.medium())) {
            violations.add("medium", "podcasts.medium.values", f.medium());
        }
        Person.check("persons", f.persons(), violations);
        TxtRecord.check("txt", f.txt(), violations);
        violations.webUrl("redirectTo", f.redirectTo()).limitText("redirectTo", f.redirectTo(), 2000);
    }

    public void apply(PodcastFields f) {
        var violations = new Violations();
        check(f, violations);
        violations.throwIfAny("podcasts.invalid");
        this.title = f.title().strip();
        this.description = f.description();
        this.language = f.language() == null ? "en" : LanguageTag.canonical(f.language());
        this.author = f.author();
        this.ownerName = f.ownerName();
        this.ownerEmail = f.ownerEmail();
        this.category = f.category();
        this.subcategory = f.subcategory();
        this.explicit = Boolean.TRUE.equals(f.explicit());
        this.type = f.type() == null ? ShowType.EPISODIC : ShowType.fromJson(f.type()).orElseThrow();
        this.link = f.link();
        this.copyright = f.copyright();
        this.locked = f.locked() == null || f.locked(); // podcast:locked yes unless the producer opens it
        this.medium = f.medium() == null ? "podcast" : f.medium();
        this.persons.clear();
        if (f.persons() != null) {
            this.persons.addAll(f.persons());
        }
        this.txt.clear();
        if (f.txt() != null) {
            this.txt.addAll(f.txt());
        }
        this.redirectTo = f.redirectTo();
        touch();
    }

    public void changeSlug(String newSlug) {
        this.slug = newSlug;
        touch();
    }

    public void replaceArtwork(Artwork newArtwork) {
        this.artwork = newArtwork;
        touch();
    }

    /** Marks a change that is not one of the show's own columns (so the version and ETag move). */
    public void touch() {
        this.updatedAt = InstantColumn.now();
    }

    public boolean isOwnedBy(Producer producer) {
        return owner.id().equals(producer.id());
    }

    /** The owner, or an editor who accepted: they see and change the show and its episodes. */
    public boolean isEditableBy(Producer producer) {
        return isOwnedBy(producer) || memberOf(producer).filter(ShowMember::isAccepted).isPresent();
    }

    /** Whether {@code producer} is on the team at all: the owner, an editor, or invited. */
    public boolean hasOnTeam(Producer producer) {
        return isOwnedBy(producer) || memberOf(producer).isPresent();
    }

    public Optional<ShowMember> memberOf(Producer producer) {
        return members.stream().filter(member -> member.is(producer)).findFirst();
    }

    /** Invites {@code invitee} as an editor; someone already on the team cannot be invited again. */
    public ShowMember invite(Producer invitee, Producer by, Instant now) {
        if (hasOnTeam(invitee)) {
            throw new IllegalStateException(invitee.email() + " is already on the team of " + slug);
        }
        var member = new ShowMember(this, invitee, by, now);
        members.add(member);
        return member;
    }

    /** The invited producer's yes; accepting twice changes nothing. */
    public void accept(Producer invitee, Instant now) {
        memberOf(invitee).orElseThrow(() -> new IllegalStateException(invitee.email() + " is not invited to " + slug)).accept(now);
    }

    /** An editor leaves, or an invitation is withdrawn or declined; the owner stays. */
    public void removeFromTeam(Producer member) {
        members.removeIf(candidate -> candidate.is(member));
    }

    public List<ShowMember> members() {
        return List.copyOf(members);
    }

    public PodcastFields fields() {
        return new PodcastFields(slug, title, description, language, author, ownerName, ownerEmail, category,
                subcategory, explicit, type.json(), link, copyright, locked, medium, List.copyOf(persons),
                List.copyOf(txt), redirectTo);
    }


    public Long id() {
        return id;
    }

    public String guid() {
        return guid;
    }

    public String slug() {
        return slug;
    }

    public Producer owner() {
        return owner;
    }

    public String title() {
        return title;
    }

    /** Where the show moved to, if it did: its feed answers 301 there. */
    public Optional<String> redirectTo() {
        return Optional.ofNullable(redirectTo);
    }

    public Optional<Artwork> artwork() {
        return Optional.ofNullable(artwork);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public String etag() {
        return "\"p" + id + "v" + version + "\"";
    }
}
