package dev.chapitre.imports.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Lob;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.util.Optional;

/** What an import did with one item of the feed, and its part of the report (JSON). */
@Entity
@Table(name = "import_item")
@NamedQuery(name = ImportItem.OF_JOB, query = "SELECT i FROM ImportItem i WHERE i.job = :job ORDER BY i.position")
@NamedQuery(name = ImportItem.DONE, query = "SELECT i.guid, i.title FROM ImportItem i WHERE i.job = :job")
@NamedQuery(name = ImportItem.LAST_POSITION, query = "SELECT MAX(i.position) FROM ImportItem i WHERE i.job = :job")
public class ImportItem {

    public static final String OF_JOB = "ImportItem.ofJob";
    static final int MAX_GUID = 2000;
    static final int MAX_TITLE = 255;
    /** The width of {@code reason}: a message stored as JSON (worded when read), or English text (earlier versions, or too long). */
    public static final int MAX_REASON = 2000;
    /** What a job already dealt with: guid (or null) and title of each of its items. */
    public static final String DONE = "ImportItem.done";
    /** The last line of a job's report (null: none yet). */
    public static final String LAST_POSITION = "ImportItem.lastPosition";

    public enum Outcome {
        /** Brought over by this import. */
        IMPORTED,
        /** Left out, for the reason given. */
        SKIPPED,
        /** Already in the show (an earlier run, or the producer's own upload with the same guid). */
        PRESENT
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "job_id", nullable = false)
    private ImportJob job;

    @Column(nullable = false)
    private int position;
    @Column(length = 2000)
    private String guid;
    @Column(length = 510)
    private String title;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private Outcome outcome;
    @Column(length = MAX_REASON)
    private String reason;
    @Lob
    private String report;

    protected ImportItem() {
    }

    public ImportItem(ImportJob job, int position, String guid, String title, Outcome outcome, String reason, String report) {
        this.job = job;
        this.position = position;
        this.guid = cut(guid, MAX_GUID);
        this.title = cut(title, MAX_TITLE);
        this.outcome = outcome;
        this.reason = cut(reason, MAX_REASON);
        this.report = report;
    }

    /**
     * How a resumed import recognises an item it dealt with, whatever its place in the feed now: its
     * guid (or, without one, its enclosure's address, which the import takes as its guid), else its title.
     */
    public static String identity(Optional<String> guid, String title) {
        return guid.map(g -> "guid:" + cut(g, MAX_GUID)).orElse("title:" + cut(title, MAX_TITLE)); // as stored
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    public Optional<String> guid() {
        return Optional.ofNullable(guid);
    }

    public Optional<String> title() {
        return Optional.ofNullable(title);
    }

    public Outcome outcome() {
        return outcome;
    }

    public Optional<String> reason() {
        return Optional.ofNullable(reason);
    }

    public Optional<String> report() {
        return Optional.ofNullable(report);
    }
}
