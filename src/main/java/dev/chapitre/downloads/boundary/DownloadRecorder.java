package dev.chapitre.downloads.boundary;

import dev.chapitre.downloads.control.DownloadCounter;
import dev.chapitre.downloads.control.DownloadQueue;
import dev.chapitre.downloads.control.ListenerIds;
import dev.chapitre.downloads.entity.Download;
import dev.chapitre.downloads.entity.ListenerSalt;
import dev.chapitre.platform.entity.DatabaseRestored;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Schedule;
import jakarta.ejb.SessionContext;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.logging.Logger;

/**
 * Turns hits into counted downloads by the rule of {@link DownloadCounter}: one download per
 * listener and episode in any rolling 24 hours, one memory of the window for both counting paths.
 * The in-process hits are queued by delivery and recorded every second, in batches, apart from it
 * (when the database is unreachable the batch is dropped and logged, and audio is served all the
 * same); the download log's are recorded in the transaction that moves its position.
 */
@Startup
@Singleton
@DependsOn("SchemaMigrations") // the schema is up to date and ids are safe before anything reads or inserts
public class DownloadRecorder {

    private static final Logger LOG = Logger.getLogger(DownloadRecorder.class.getName());
    static final int BATCH = 5_000;

    @Inject
    DownloadQueue queue;

    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext self;

    @Inject
    Clock clock;

    private ListenerIds ids = listenerIds();
    private DownloadCounter counter;
    /** The counter knows every download counted since then (MAX: nothing read from the database yet). */
    private Instant remembersFrom = Instant.MAX;
    private long reportedDropped;

    @PostConstruct
    void start() {
        counter = new DownloadCounter(clock);
    }

    private ListenerIds listenerIds() {
        return new ListenerIds(day -> self.getBusinessObject(DownloadRecorder.class).saltOf(day));
    }

    /** A restore replaced the salts and the downloads: what memory holds of them is read again. */
    public void reload(@Observes DatabaseRestored restored) {
        ids = listenerIds();
        forget();
    }

    /**
     * Drops the memory of who was counted, to be read again from the database with the next hits:
     * after a failed transaction it may hold listeners whose downloads were rolled back, and another
     * instance may have counted some meanwhile.
     */
    public void forget() {
        counter = new DownloadCounter(clock);
        remembersFrom = Instant.MAX;
    }

    @Schedule(hour = "*", minute = "*", second = "*", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void flush() {
        long dropped = queue.dropped();
        if (dropped > reportedDropped) {
            LOG.warning(() -> (dropped - reportedDropped) + " request(s) were not counted: the download queue was full.");
            reportedDropped = dropped;
        }
        var hits = queue.drain(BATCH);
        if (hits.isEmpty()) {
            return;
        }
        try {
            self.getBusinessObject(DownloadRecorder.class).recordAlone(hits);
        } catch (RuntimeException e) {
            forget();
            LOG.warning(() -> "Could not record " + hits.size() + " download(s): " + e.getMessage());
        }
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int recordAlone(List<DownloadQueue.Hit> hits) {
        return record(hits);
    }

    /**
     * Stores, in the caller's transaction, the hits that are new downloads by the rolling 24-hour
     * rule; the count of them. A caller whose transaction then fails calls {@link #forget}.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public int record(List<DownloadQueue.Hit> hits) {
        if (hits.isEmpty()) {
            return 0;
        }
        var earliest = hits.stream().map(DownloadQueue.Hit::at).min(Instant::compareTo).orElseThrow();
        var horizon = counter.horizon(earliest);
        if (horizon.isBefore(remembersFrom)) {
            // A restart, a failure, or log lines older than what memory still holds.
            forget();
            self.getBusinessObject(DownloadRecorder.class).loadRecent(horizon);
        }
        int counted = 0;
        for (var hit : hits) {
            var today = LocalDate.ofInstant(hit.at(), ZoneOffset.UTC);
            var listener = ids.of(hit.ip(), hit.userAgent(), today);
            if (counter.counts(hit.episodeId(), listener, hit.at())) {
                em.persist(new Download(hit.podcastId(), hit.episodeId(), listener.get(0), hit.app(), hit.at()));
                counted++;
            }
        }
        counter.forgetExpired(earliest);
        if (horizon.isAfter(remembersFrom)) {
            remembersFrom = horizon;
        }
        return counted;
    }

    /** The day's salt, created on first use; salts older than yesterday are deleted. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public byte[] saltOf(LocalDate day) {
        em.createQuery("DELETE FROM ListenerSalt s WHERE s.day < :oldest").setParameter("oldest", LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).minusDays(1))
                .executeUpdate();
        var existing = em.find(ListenerSalt.class, day);
        if (existing != null) {
            return existing.salt();
        }
        var created = new ListenerSalt(day, ListenerIds.newSalt());
        em.persist(created);
        return created.salt();
    }

    /** After a restart, the last 24 hours come from the database so nobody is counted twice. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void loadRecent(Instant since) {
        em.createQuery("SELECT d.episodeId, d.clientHash, d.countedAt FROM Download d WHERE d.countedAt > :since", Object[].class)
                .setParameter("since", since)
                .getResultList()
                .forEach(row -> counter.remember((Long) row[0], (String) row[1], (Instant) row[2]));
        remembersFrom = since;
    }
}
