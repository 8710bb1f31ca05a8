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
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Turns hits into counted downloads by the rule of {@link DownloadCounter}: one download per
 * listener and episode in any rolling 24 hours, one memory of the window for both counting paths.
 * The in-process hits are queued by delivery and recorded every second, in batches, apart from it
 * (when the database is unreachable the batch is dropped and logged, and audio is served all the
 * same); the download log's are recorded in the transaction that moves its position.
 * <p>
 * Memory holds the downloads this instance counted (forgotten when their transaction fails) and
 * those it read back, so a listener it knows is no new download on any instance. A listener it does not know is looked up in the database under a lock that every
 * instance takes to decide (PostgreSQL's transaction-scoped advisory lock; the embedded H2 serves
 * one instance, whose recorder is already one at a time): the same listener through two instances
 * of a cluster within 24 hours is one download.
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

    /** The advisory lock under which instances decide which hits are new downloads ("ChapDown"). */
    private static final long COUNTING_LOCK = 0x43686170_446f776eL;
    /** Listener ids per query: well under any database's limit of parameters. */
    private static final int LOOKUP_CHUNK = 500;

    private ListenerIds ids = listenerIds();
    private DownloadCounter counter;
    private Optional<Boolean> postgreSql = Optional.empty();
    private long reportedDropped;

    @PostConstruct
    void start() {
        counter = new DownloadCounter(clock);
    }

    private ListenerIds listenerIds() {
        return new ListenerIds(day -> {
            var recorder = self.getBusinessObject(DownloadRecorder.class);
            try {
                return recorder.saltOf(day);
            } catch (RuntimeException createdElsewhereAtTheSameTime) {
                return recorder.saltOf(day); // the day's key is taken: the other instance's salt is read
            }
        });
    }

    /** A restore replaced the salts and the downloads: what memory holds of them is read again. */
    public void reload(@Observes DatabaseRestored restored) {
        ids = listenerIds();
        forget();
    }

    /**
     * Drops the memory of who was counted, to be read again from the database with the next hits:
     * after a failed transaction it may hold listeners whose downloads were rolled back.
     */
    public void forget() {
        counter = new DownloadCounter(clock);
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
        var listeners = hits.stream().map(hit -> ids.of(hit.ip(), hit.userAgent(), LocalDate.ofInstant(hit.at(), ZoneOffset.UTC))).toList();
        var unknown = new ArrayList<Integer>();
        for (int i = 0; i < hits.size(); i++) {
            if (!counter.knows(hits.get(i).episodeId(), listeners.get(i), hits.get(i).at())) {
                unknown.add(i);
            }
        }
        if (!unknown.isEmpty()) {
            lockCounting(); // until the commit: no other instance decides about these listeners meanwhile
            readBack(unknown.stream().map(hits::get).toList(), unknown.stream().map(listeners::get).toList());
        }
        var shows = existingShows(hits);
        int counted = 0;
        for (int i = 0; i < hits.size(); i++) {
            var hit = hits.get(i);
            if (!shows.contains(hit.podcastId())) {
                continue; // its show was deleted since the hit was queued: nobody could ever read this download
            }
            if (counter.counts(hit.episodeId(), listeners.get(i), hit.at())) {
                em.persist(new Download(hit.podcastId(), hit.episodeId(), listeners.get(i).get(0), hit.app(), hit.at()));
                counted++;
            }
        }
        counter.forgetExpired(hits.stream().map(DownloadQueue.Hit::at).min(Instant::compareTo).orElseThrow());
        return counted;
    }

    /**
     * The shows of these hits that still exist: a hit queued before its show was deleted is not
     * stored. One recorded while the deletion commits is caught by {@link DownloadCleanup}'s
     * second pass; no row is locked, so counting never waits for a producer's upload.
     */
    private Set<Long> existingShows(List<DownloadQueue.Hit> hits) {
        var ids = hits.stream().map(DownloadQueue.Hit::podcastId).distinct().toList();
        return new HashSet<>(em.createQuery("SELECT p.id FROM Podcast p WHERE p.id IN :ids", Long.class).setParameter("ids", ids)
                .getResultList());
    }

    private void lockCounting() {
        if (postgreSql.isEmpty()) {
            try {
                postgreSql = Optional.of("PostgreSQL".equals(em.unwrap(Connection.class).getMetaData().getDatabaseProductName()));
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot tell which database this is: " + e.getMessage(), e);
            }
        }
        if (postgreSql.get()) {
            em.createNativeQuery("SELECT pg_advisory_xact_lock(" + COUNTING_LOCK + ")").getResultList();
        }
    }

    /** What the database holds of these listeners' downloads of these episodes in the window before the hits. */
    private void readBack(List<DownloadQueue.Hit> hits, List<List<String>> listeners) {
        var since = counter.horizon(hits.stream().map(DownloadQueue.Hit::at).min(Instant::compareTo).orElseThrow());
        var episodes = hits.stream().map(DownloadQueue.Hit::episodeId).distinct().toList();
        var hashes = listeners.stream().flatMap(List::stream).distinct().toList();
        for (int from = 0; from < hashes.size(); from += LOOKUP_CHUNK) {
            em.createQuery("SELECT d.episodeId, d.clientHash, d.countedAt FROM Download d WHERE d.episodeId IN :episodes"
                            + " AND d.clientHash IN :hashes AND d.countedAt > :since", Object[].class)
                    .setParameter("episodes", episodes).setParameter("hashes", hashes.subList(from, Math.min(hashes.size(), from + LOOKUP_CHUNK)))
                    .setParameter("since", since)
                    .getResultList()
                    .forEach(row -> counter.remember((Long) row[0], (String) row[1], (Instant) row[2]));
        }
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
}
