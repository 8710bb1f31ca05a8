package dev.chapitre.episodes.boundary;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import dev.chapitre.episodes.entity.Episode;
import dev.chapitre.media.control.MediaCommits;
import dev.chapitre.media.control.MediaReconciliation;
import dev.chapitre.media.control.MediaStorage;
import dev.chapitre.platform.boundary.ClusterChanges;
import dev.chapitre.platform.entity.DatabaseRestored;
import dev.chapitre.podcasts.entity.Podcast;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The media folder reconciled with the episodes and shows that refer to it, at start and every
 * quarter of an hour: orphans (files no row refers to and no transaction is about to, older than
 * CHAPITRE_ORPHAN_GRACE_MINUTES) removed, rows whose file is missing reported in the log and to readiness ({@link MissingMediaProbe}).
 * <p>
 * In a cluster the media are shared and the leading instance audits them for all, once per
 * quarter of an hour; what it finds missing is shared through the data grid, so every instance's
 * readiness says the same. A restore is audited at once by the instance that made it.
 */
@Startup
@DependsOn("SchemaMigrations") // the database is ready
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN) // readiness reads the last result while a pass runs
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class MediaAudit {

    private static final Logger LOG = Logger.getLogger(MediaAudit.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    MediaStorage storage;

    @Inject
    MediaCommits media;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "CHAPITRE_ORPHAN_GRACE_MINUTES", defaultValue = "60")
    long graceMinutes;

    /** The grid's map holding, under {@link #MISSING_KEYS}, the keys the last pass found missing. */
    static final String FINDINGS = "chapitre.media.audit";
    private static final String MISSING_KEYS = "missing";

    @Inject
    ClusterChanges cluster;

    @Inject
    HazelcastInstance grid;

    @PostConstruct
    @Schedule(minute = "*/15", hour = "*", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // the class's does not reach a lifecycle callback (LifecycleCallbacksTest)
    void reconcileIfLeading() {
        if (cluster.leads()) {
            reconcile();
        }
    }

    private synchronized void reconcile() {
        try {
            var found = MediaReconciliation.reconcile(storage, this::referencedKeys, Duration.ofMinutes(graceMinutes), clock.instant())
                    .missing();
            findings().set(MISSING_KEYS, found.toArray(String[]::new));
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "Could not reconcile the media folder with the database; trying again later", e);
        }
    }

    /** A restore brought rows and perhaps files: the admin's health details say at once what is missing. */
    public void reconcileRestored(@Observes DatabaseRestored restored) {
        reconcile();
    }

    /** Keys that rows refer to but that have no file (as of the last pass, by whichever instance made it). */
    public Set<String> missing() {
        return Optional.ofNullable(findings().get(MISSING_KEYS)).map(Set::of).orElse(Set.of());
    }

    private IMap<String, String[]> findings() {
        return grid.getMap(FINDINGS);
    }

    /**
     * Pending keys first: a transaction that ends between the two reads has committed its row before
     * the query. They and the replaced versions waiting for their deletion (RetiredMediaSweep) are kept,
     * not named: their files may be gone already (a retired one deleted before its row) or not there
     * yet, and neither is a loss to report.
     */
    private MediaReconciliation.References referencedKeys() {
        var kept = new HashSet<String>(media.pending());
        kept.addAll(media.retiring());
        var named = new HashSet<String>(em.createNamedQuery(Episode.AUDIO_KEYS, String.class).getResultList());
        named.addAll(em.createNamedQuery(Episode.CHAPTER_IMAGE_KEYS, String.class).getResultList());
        named.addAll(em.createNamedQuery(Podcast.ARTWORK_KEYS, String.class).getResultList());
        return new MediaReconciliation.References(named, kept);
    }
}
