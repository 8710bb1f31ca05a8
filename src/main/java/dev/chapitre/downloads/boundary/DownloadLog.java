package dev.chapitre.downloads.boundary;

import dev.chapitre.downloads.control.AccessLogLine;
import dev.chapitre.downloads.control.DownloadCounter;
import dev.chapitre.downloads.control.DownloadQueue;
import dev.chapitre.downloads.control.LogFollower;
import dev.chapitre.downloads.entity.DownloadLogPosition;
import dev.chapitre.downloads.entity.LogPosition;
import dev.chapitre.platform.control.HostName;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Counts the downloads that nginx (or a CDN whose logs are converted to the same lines) served
 * without the application, from the log named by {@code CHAPITRE_DOWNLOAD_LOG}: every second, the
 * lines written since the stored position, batch by batch, each batch in one transaction that
 * locks the position's row, records the downloads and moves the position. A failure rolls both
 * back, so a line counts exactly once whatever stops in between. The lines are judged by the same
 * {@link DownloadCounter} rule and recorded by the same {@link DownloadRecorder} as the requests
 * the media servlet answers.
 */
@Startup
@Singleton
@DependsOn("SchemaMigrations")
public class DownloadLog {

    private static final Logger LOG = Logger.getLogger(DownloadLog.class.getName());
    /** At most this many batches (of at most 1 MiB of lines each) per second, so one tick stays short. */
    static final int BATCHES_PER_TICK = 20;

    @Inject
    @ConfigProperty(name = "CHAPITRE_DOWNLOAD_LOG")
    Optional<String> file;

    @Inject
    DownloadRecorder recorder;

    @Inject
    MediaDirectory directory;

    @Inject
    Clock clock;

    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext self;

    private Optional<LogFollower> follower = Optional.empty();
    /**
     * The position's row: this host's name and the log's path. The instances of one host follow
     * one web server's log and share its position; a log of the same name on another host of the
     * cluster is another log, with a position of its own.
     */
    private String positionKey;
    private String lastProblem = "";

    @PostConstruct
    void start() {
        follower = file.map(String::strip).filter(name -> !name.isEmpty()).map(name -> new LogFollower(Path.of(name), clock));
        positionKey = follower.map(log -> HostName.ofThisMachine() + ":" + log.log()).orElse("");
        follower.ifPresent(log -> LOG.info(() -> "Counting the downloads the web server logs in " + log.log()));
    }

    @Schedule(hour = "*", minute = "*", second = "*", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void follow() {
        if (follower.isEmpty()) {
            return;
        }
        try {
            var log = self.getBusinessObject(DownloadLog.class);
            for (int batch = 0; batch < BATCHES_PER_TICK && log.countBatch(); batch++) {
                // the next batch, while there are lines
            }
            lastProblem = "";
        } catch (RuntimeException e) {
            // Rolled back: the position did not move, and memory may hold listeners of rolled-back downloads.
            recorder.forget();
            var problem = String.valueOf(e.getMessage());
            if (!problem.equals(lastProblem)) {
                LOG.warning(() -> "Could not count the download log's lines (they will be read again): " + problem);
                lastProblem = problem;
            }
        }
    }

    /** One batch of lines, counted in one transaction; whether there may be more. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean countBatch() {
        var log = follower.orElseThrow();
        var key = positionKey;
        // Stored once the log is first read: a second instance doing the same fails on the key, rolls back, retries.
        var row = Optional.ofNullable(em.find(DownloadLogPosition.class, key, LockModeType.PESSIMISTIC_WRITE))
                .or(() -> takeOverTheRowOfAnEarlierRelease(log.log().toString(), key));
        var from = row.map(DownloadLogPosition::position).orElse(LogPosition.NONE);
        LogFollower.Batch batch;
        try {
            batch = log.next(from);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + log.log() + ": " + e, e);
        }
        var hits = new ArrayList<DownloadQueue.Hit>();
        int unreadable = batch.skipped();
        for (var text : batch.lines()) {
            var line = AccessLogLine.parse(text).filter(DownloadLog::isMedia);
            if (line.isEmpty()) {
                unreadable++;
            } else {
                hit(line.get()).ifPresent(hits::add);
            }
        }
        int counted = recorder.record(hits);
        if (!batch.end().sameSpot(from)) {
            row.orElseGet(() -> {
                var created = new DownloadLogPosition(key);
                em.persist(created);
                return created;
            }).moveTo(batch.end());
        }
        if (unreadable > 0) {
            int skipped = unreadable;
            LOG.warning(() -> skipped + " of " + batch.lines().size() + " line(s) of " + log.log()
                    + " were not download log lines (not JSON, a field missing, or another address) and were skipped.");
        }
        LOG.fine(() -> batch.lines().size() + " line(s) of the download log, " + counted + " download(s)");
        return !batch.end().sameSpot(from);
    }

    /**
     * Releases before clusters kept the position under the log's path alone; it moves to this
     * host's key (same position), so an upgrade counts no line twice.
     */
    private Optional<DownloadLogPosition> takeOverTheRowOfAnEarlierRelease(String path, String key) {
        return Optional.ofNullable(em.find(DownloadLogPosition.class, path, LockModeType.PESSIMISTIC_WRITE)).map(earlier -> {
            var moved = new DownloadLogPosition(key);
            moved.moveTo(earlier.position());
            em.remove(earlier);
            em.persist(moved);
            return moved;
        });
    }

    /** An address of the media servlet's: an episode's audio or a show's artwork. */
    private static boolean isMedia(AccessLogLine line) {
        var address = servletPath(line);
        return MediaServlet.EPISODE.matcher(address).matches() || MediaServlet.ARTWORK.matcher(address).matches();
    }

    private static String servletPath(AccessLogLine line) {
        return line.path().startsWith("/media/") ? line.path().substring("/media".length()) : "";
    }

    /** The download a line is, if any: not artwork, an episode still published, a request that qualifies. */
    private Optional<DownloadQueue.Hit> hit(AccessLogLine line) {
        var episode = MediaServlet.EPISODE.matcher(servletPath(line));
        if (!episode.matches()) {
            return Optional.empty();
        }
        return directory.episodeAudio(episode.group(1), episode.group(2))
                .filter(item -> DownloadCounter.qualifies(item.delivered(false, line.audioBytesSent(),
                        line.firstByte(item.length()), item.length(), line.userAgent())))
                .map(item -> item.hit(line.address(), line.userAgent(), line.time()));
    }
}
