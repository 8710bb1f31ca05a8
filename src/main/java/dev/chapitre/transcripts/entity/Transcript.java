package dev.chapitre.transcripts.entity;

import dev.chapitre.episodes.entity.Episode;
import dev.chapitre.platform.entity.InstantColumn;
import dev.chapitre.platform.entity.LanguageTag;
import dev.chapitre.platform.entity.Violations;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An episode's transcript: its cues in the order they are said, the language they are in, and the
 * format the producer sent (told back, nothing depends on it). One per episode; replaced whole.
 */
@Entity
@Table(name = "transcript")
@NamedQuery(name = Transcript.OF_EPISODE, query = "SELECT t FROM Transcript t WHERE t.episode.id = :episode")
public class Transcript {

    public static final String OF_EPISODE = "Transcript.ofEpisode";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @OneToOne(optional = false)
    @JoinColumn(name = "episode_id", nullable = false, unique = true)
    private Episode episode;

    @Column(nullable = false, length = LanguageTag.MAX_LENGTH)
    private String language;

    @Column(name = "source_format", nullable = false, length = 10)
    private String sourceFormat;

    @Column(name = "cue_count", nullable = false)
    private int cueCount;

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "transcript_cue", joinColumns = @JoinColumn(name = "transcript_id", nullable = false))
    @OrderColumn(name = "position")
    private List<Cue> cues = new ArrayList<>();

    @Column(nullable = false)
    private Instant createdAt;
    @Column(nullable = false)
    private Instant updatedAt;
    @Version
    private long version;

    protected Transcript() {
    }

    public Transcript(Episode episode, String language, String sourceFormat, List<Cue> cues) {
        this.episode = episode;
        this.createdAt = InstantColumn.now();
        replace(language, sourceFormat, cues);
    }

    /** New cues, checked against the episode's audio; on any broken rule nothing changes. */
    public void replace(String language, String sourceFormat, List<Cue> incoming) {
        var violations = new Violations();
        LanguageTag.check("language", language, violations);
        violations.throwIfAny(CueRules.NOT_SAVED);
        var checked = CueRules.validated(incoming, episode.audio().durationMs());
        this.language = LanguageTag.canonical(language);
        this.sourceFormat = sourceFormat;
        this.cues.clear();
        this.cues.addAll(checked);
        this.cueCount = checked.size();
        this.updatedAt = InstantColumn.now();
    }

    public Long id() {
        return id;
    }

    public Episode episode() {
        return episode;
    }

    public String language() {
        return language;
    }

    public String sourceFormat() {
        return sourceFormat;
    }

    public int cueCount() {
        return cueCount;
    }

    public List<Cue> cues() {
        return List.copyOf(cues);
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    /** One validator for every format of the transcript, as for chapters: If-Match compares the transcript, not bytes. */
    public String etag() {
        return "\"t" + id + "v" + version + "\"";
    }
}
