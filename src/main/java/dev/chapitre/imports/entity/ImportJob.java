package dev.chapitre.imports.entity;

import dev.chapitre.platform.entity.InstantColumn;
import dev.chapitre.podcasts.entity.Podcast;
import dev.chapitre.security.entity.Producer;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Lob;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A show being moved in from another host's feed. It runs on one instance at a time, the
 * {@code runner} (the grid member that claimed it), which renews {@code heartbeat} as it goes; a
 * job whose runner left the cluster, or fell silent, is claimed by another instance and carries on
 * where it stopped: what is already imported is recognised by its guid.
 * <p>
 * Progress is written by bulk updates that name the runner ({@link #PROGRESS}), so that a job
 * cancelled or claimed elsewhere stops its old runner at its next step.
 */
@Entity
@Table(name = "import_job")
@NamedQuery(name = ImportJob.OF_PRODUCER, query = "SELECT j FROM ImportJob j WHERE j.producer = :producer ORDER BY j.createdAt DESC")
@NamedQuery(name = ImportJob.PROGRESS, query = "UPDATE ImportJob j SET j.bytesDownloaded = :bytes, j.currentItem = :item,"
        + " j.heartbeat = :now WHERE j.id = :id AND j.runner = :runner AND j.state = dev.chapitre.imports.entity.ImportState.RUNNING")
@NamedQuery(name = ImportJob.RUNNING_OF_PRODUCER, query = "SELECT j FROM ImportJob j WHERE j.producer = :producer"
        + " AND j.state = dev.chapitre.imports.entity.ImportState.RUNNING")
@NamedQuery(name = ImportJob.RUNNING, query = "SELECT j.id, j.runner, j.heartbeat FROM ImportJob j"
        + " WHERE j.state = dev.chapitre.imports.entity.ImportState.RUNNING")
@NamedQuery(name = ImportJob.CLAIM, query = "UPDATE ImportJob j SET j.runner = :runner, j.heartbeat = :now"
        + " WHERE j.id = :id AND j.runner = :previous AND j.state = dev.chapitre.imports.entity.ImportState.RUNNING")
public class ImportJob {

    public static final String OF_PRODUCER = "ImportJob.ofProducer";
    /** Bytes, current item and heartbeat of a running job, if {@code :runner} still runs it. */
    public static final String PROGRESS = "ImportJob.progress";
    public static final String RUNNING_OF_PRODUCER = "ImportJob.runningOfProducer";
    /** Every running job: id, runner, heartbeat. */
    public static final String RUNNING = "ImportJob.running";
    /** Takes over a running job from {@code :previous}, unless another instance did first. */
    public static final String CLAIM = "ImportJob.claim";
    public static final int MAX_CURRENT_ITEM = 255;
    /** The width of {@code failure}: a message stored as JSON (worded when read), or English text (earlier versions, or too long). */
    public static final int MAX_FAILURE = 2000;

    @Id
    @Column(length = 36)
    private String id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "producer_id", nullable = false)
    private Producer producer;

    @Column(name = "feed_url", nullable = false, length = 2000)
    private String feedUrl;

    @Column(name = "base_url", nullable = false, length = 2000)
    private String baseUrl;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private ImportState state;

    @ManyToOne
    @JoinColumn(name = "podcast_id")
    private Podcast podcast;

    @Column(name = "total_items", nullable = false)
    private int totalItems;
    @Column(name = "done_items", nullable = false)
    private int doneItems;
    @Column(name = "bytes_downloaded", nullable = false)
    private long bytesDownloaded;
    @Column(name = "current_item", length = 2 * MAX_CURRENT_ITEM)
    private String currentItem;
    @Column(length = MAX_FAILURE)
    private String failure;
    /** The show's part of the report, as JSON (the episodes' parts are the {@link ImportItem}s). */
    @Lob
    private String report;
    @Column(length = 200)
    private String runner;
    @Column(nullable = false)
    private Instant heartbeat;
    @Column(nullable = false)
    private Instant createdAt;
    private Instant finishedAt;
    @Version
    private long version;

    protected ImportJob() {
    }

    public ImportJob(Producer producer, String feedUrl, String baseUrl, String runner) {
        this.id = UUID.randomUUID().toString();
        this.producer = producer;
        this.feedUrl = feedUrl;
        this.baseUrl = baseUrl;
        this.state = ImportState.RUNNING;
        this.runner = runner;
        this.createdAt = InstantColumn.now();
        this.heartbeat = createdAt;
    }

    public boolean isRunBy(String instance) {
        return state == ImportState.RUNNING && instance.equals(runner);
    }

    /** The show it imports into, once made (or found: a second import of the same show). */
    public void importInto(Podcast show, int items, String showReport) {
        this.podcast = show;
        this.totalItems = items;
        this.report = showReport;
    }

    public void replaceReport(String showReport) {
        this.report = showReport;
    }

    public void itemDone() {
        doneItems++;
    }

    public void finish(ImportState outcome, Optional<String> why) {
        if (state.isOver()) {
            return;
        }
        this.state = outcome;
        this.failure = why.map(text -> text.length() > MAX_FAILURE ? text.substring(0, MAX_FAILURE - 1) + "…" : text).orElse(null);
        this.currentItem = null;
        this.finishedAt = InstantColumn.now();
    }

    public String id() {
        return id;
    }

    public Producer producer() {
        return producer;
    }

    public String feedUrl() {
        return feedUrl;
    }

    public String runner() {
        return runner;
    }

    public String baseUrl() {
        return baseUrl;
    }

    public ImportState state() {
        return state;
    }

    public Optional<Podcast> podcast() {
        return Optional.ofNullable(podcast);
    }

    public int totalItems() {
        return totalItems;
    }

    public int doneItems() {
        return doneItems;
    }

    public long bytesDownloaded() {
        return bytesDownloaded;
    }

    public Optional<String> currentItem() {
        return Optional.ofNullable(currentItem);
    }

    public Optional<String> failure() {
        return Optional.ofNullable(failure);
    }

    public Optional<String> report() {
        return Optional.ofNullable(report);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Optional<Instant> finishedAt() {
        return Optional.ofNullable(finishedAt);
    }
}
