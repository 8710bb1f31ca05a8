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
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * Turns queued hits into counted downloads every second, in batches, by the rule of
 * {@link DownloadCounter}: one download per listener and episode in any rolling 24 hours. Runs
 * apart from delivery; when the database is unreachable the batch is dropped and logged, and audio
 * is served all the same.
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
    private boolean loaded;
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
        counter = new DownloadCounter(clock);
        loaded = false;
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
            self.getBusinessObject(DownloadRecorder.class).save(counted(hits));
        } catch (RuntimeException e) {
            LOG.warning(() -> "Could not record " + hits.size() + " download(s): " + e.getMessage());
        }
    }

    private List<Download> counted(List<DownloadQueue.Hit> hits) {
        if (!loaded) {
            self.getBusinessObject(DownloadRecorder.class).loadRecent();
        }
        var downloads = new ArrayList<Download>();
        for (var hit : hits) {
            var today = LocalDate.ofInstant(hit.at(), ZoneOffset.UTC);
            var listener = ids.of(hit.ip(), hit.userAgent(), today);
            if (counter.counts(hit.episodeId(), listener, hit.at())) {
                downloads.add(new Download(hit.podcastId(), hit.episodeId(), listener.get(0), hit.app(), hit.at()));
            }
        }
        counter.forgetExpired();
        return downloads;
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void save(List<Download> downloads) {
        downloads.forEach(em::persist);
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
    public void loadRecent() {
        em.createQuery("SELECT d.episodeId, d.clientHash, d.countedAt FROM Download d WHERE d.countedAt > :since", Object[].class)
                .setParameter("since", counter.horizon())
                .getResultList()
                .forEach(row -> counter.remember((Long) row[0], (String) row[1], (Instant) row[2]));
        loaded = true;
    }
}
