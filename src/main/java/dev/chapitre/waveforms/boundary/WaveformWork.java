package dev.chapitre.waveforms.boundary;

import dev.chapitre.episodes.boundary.EpisodeChanged;
import dev.chapitre.media.control.MediaStorage;
import dev.chapitre.platform.entity.InstantColumn;
import dev.chapitre.waveforms.control.AudioAnalysis;
import dev.chapitre.waveforms.control.Mp3Analysis;
import dev.chapitre.waveforms.control.UndecodableAudio;
import dev.chapitre.waveforms.entity.Waveform;
import jakarta.annotation.Resource;
import jakarta.ejb.EJBException;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Computes waveforms off the request threads, one episode at a time per instance: decoding is all
 * CPU, and uploads, pages and feeds must stay responsive on a small machine while a 3-hour episode
 * is scanned. Work follows committed changes of an episode (an upload, a replaced audio: anything
 * else finds its waveform current and costs one query) and {@link WaveformResumption}.
 */
@ApplicationScoped
public class WaveformWork {

    private static final Logger LOG = Logger.getLogger(WaveformWork.class.getName());

    @Resource
    ManagedExecutorService executor;

    @Inject
    WaveformJobs jobs;

    @Inject
    MediaStorage storage;

    @Inject
    PauseSettings settings;

    /**
     * How many cores one computation may use (a file on disk is decoded in that many parts); by default
     * all: a burst of a few seconds after each upload, on threads that compete with requests as equals.
     */
    @Inject
    @ConfigProperty(name = "CHAPITRE_WAVEFORM_THREADS", defaultValue = "0")
    int configuredThreads;

    /** Claims made before this instance started were made by an instance that is gone, or by one still at it (then twice). */
    private final Instant started = InstantColumn.now();
    private final Deque<Long> queue = new ArrayDeque<>();
    private final Set<Long> queued = new HashSet<>();
    private final Set<Long> retryFailed = new HashSet<>();
    private boolean draining;

    /** New audio, or anything else about the episode (then its waveform is found current at the cost of one query): first in line. */
    void episodeChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) EpisodeChanged change) {
        schedule(change.episodeId(), false, true);
    }

    /** A claim older than this is taken over: lost with its instance (or its instance is slow; the result is the same). */
    public Instant staleBefore() {
        var lifetime = InstantColumn.now().minus(Waveform.CLAIM_LIFETIME);
        return lifetime.isAfter(started) ? lifetime : started;
    }

    /**
     * Queues an episode unless it already waits; {@code evenIfFailed}: a failed computation is tried
     * again; {@code urgent}: a producer waits for it (a new upload, the editor open), so it goes before
     * the backlog that a start or a change of the pause rule queues.
     */
    public void schedule(long episodeId, boolean evenIfFailed, boolean urgent) {
        synchronized (queue) {
            if (evenIfFailed) {
                retryFailed.add(episodeId);
            }
            if (queued.add(episodeId)) {
                if (urgent) {
                    queue.addFirst(episodeId);
                } else {
                    queue.addLast(episodeId);
                }
            } else if (urgent) {
                queue.remove(episodeId);
                queue.addFirst(episodeId);
            }
            if (draining) {
                return;
            }
            draining = true;
        }
        try {
            executor.execute(this::drain);
        } catch (RuntimeException refused) { // shutting down: the next start resumes it
            synchronized (queue) {
                draining = false;
            }
        }
    }

    private void drain() {
        boolean emptied = false;
        try {
            while (true) {
                long episodeId;
                boolean evenIfFailed;
                synchronized (queue) {
                    var next = queue.pollFirst();
                    if (next == null) {
                        draining = false; // under the lock: a schedule() after this starts a new drainer
                        emptied = true;
                        return;
                    }
                    episodeId = next;
                    queued.remove(next);
                    evenIfFailed = retryFailed.remove(next);
                }
                compute(episodeId, evenIfFailed);
            }
        } finally {
            if (!emptied) { // an Error: without this, nothing would be computed here again until a restart
                Long next;
                synchronized (queue) {
                    draining = false;
                    next = queue.peekFirst();
                }
                if (next != null) {
                    schedule(next, false, false);
                }
            }
        }
    }

    void compute(long episodeId, boolean evenIfFailed) {
        WaveformJobs.Claim claim;
        try {
            var claimed = jobs.claim(episodeId, settings.rule(), evenIfFailed, staleBefore());
            if (claimed.isEmpty()) {
                return;
            }
            claim = claimed.get();
        } catch (EJBException | PersistenceException e) {
            // two instances inserting the first row at once: one insert fails on the key; or the database is away
            LOG.log(Level.FINE, "Waveform of episode " + episodeId + " not claimed (claimed elsewhere, or the database is away)", e);
            return;
        }
        try {
            var analysis = analyse(claim);
            if (!jobs.completed(claim, analysis)) {
                LOG.fine(() -> "Waveform of episode " + episodeId + " dropped: its audio changed meanwhile");
            }
        } catch (UndecodableAudio e) {
            LOG.log(Level.WARNING, "The audio of episode " + episodeId + " cannot be decoded for its waveform: " + e.getMessage());
            record(() -> jobs.failed(claim, e.getMessage()));
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "Could not compute the waveform of episode " + episodeId + " now; trying again within a minute", e);
            record(() -> jobs.released(claim));
        }
    }

    private static void record(Runnable outcome) {
        try {
            outcome.run();
        } catch (RuntimeException notRecorded) {
            LOG.log(Level.WARNING, "Could not record the outcome; the claim goes stale and is tried again", notRecorded);
        }
    }

    /**
     * A file on this machine's disk is decoded in parts side by side (a file system's media); a
     * bucket's object as one stream. A re-tag can retire the file a claim named while it is opened:
     * the same sound is then read from the new one.
     */
    private AudioAnalysis analyse(WaveformJobs.Claim claim) throws IOException {
        var key = claim.audioKey();
        int threads = configuredThreads > 0 ? configuredThreads : Runtime.getRuntime().availableProcessors();
        for (int attempt = 0; ; attempt++) {
            try {
                var local = storage.localFile(key);
                if (local.isPresent()) {
                    return Mp3Analysis.of(local.get(), claim.rule(), () -> false, executor, threads);
                }
                try (var in = storage.read(key, 0, Long.MAX_VALUE)) {
                    return Mp3Analysis.of(in, claim.rule(), () -> Thread.currentThread().isInterrupted());
                }
            } catch (NoSuchFileException retired) {
                var current = jobs.currentKey(claim);
                if (attempt >= 3 || current.isEmpty() || current.get().equals(key)) {
                    throw retired;
                }
                key = current.get();
            }
        }
    }
}
