package dev.chapitre.waveforms.boundary;

import dev.chapitre.episodes.boundary.EpisodeChanged;
import dev.chapitre.media.control.MediaStorage;
import dev.chapitre.waveforms.control.AudioAnalysis;
import dev.chapitre.waveforms.control.Mp3Analysis;
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
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Queue;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

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

    private final Queue<Long> queue = new ArrayDeque<>();
    private final Set<Long> queued = new HashSet<>();
    private final Set<Long> retryFailed = new HashSet<>();
    private boolean draining;

    void episodeChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) EpisodeChanged change) {
        schedule(change.episodeId(), false);
    }

    /** Queues an episode unless it already waits; {@code evenIfFailed}: a failed computation is tried again. */
    public void schedule(long episodeId, boolean evenIfFailed) {
        synchronized (queue) {
            if (evenIfFailed) {
                retryFailed.add(episodeId);
            }
            if (queued.add(episodeId)) {
                queue.add(episodeId);
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
        while (true) {
            long episodeId;
            boolean evenIfFailed;
            synchronized (queue) {
                var next = queue.poll();
                if (next == null) {
                    draining = false;
                    return;
                }
                episodeId = next;
                queued.remove(next);
                evenIfFailed = retryFailed.remove(next);
            }
            compute(episodeId, evenIfFailed);
        }
    }

    void compute(long episodeId, boolean evenIfFailed) {
        WaveformJobs.Claim claim;
        try {
            var claimed = jobs.claim(episodeId, settings.rule(), evenIfFailed);
            if (claimed.isEmpty()) {
                return;
            }
            claim = claimed.get();
        } catch (EJBException | PersistenceException taken) {
            LOG.log(Level.FINE, "Waveform of episode " + episodeId + " claimed elsewhere", taken);
            return;
        }
        try {
            var analysis = analyse(claim);
            if (!jobs.completed(claim, analysis)) {
                LOG.fine(() -> "Waveform of episode " + episodeId + " dropped: its audio changed meanwhile");
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "Could not compute the waveform of episode " + episodeId, e);
            try {
                jobs.failed(claim, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            } catch (RuntimeException notRecorded) {
                LOG.log(Level.WARNING, "Could not record that failure; the claim goes stale and is tried again", notRecorded);
            }
        }
    }

    /**
     * A file on this machine's disk is decoded in parts side by side, one per core (a file system's
     * media); a bucket's object as one stream. A re-tag can retire the file a claim named while it is
     * opened: the same sound is then read from the new one.
     */
    private AudioAnalysis analyse(WaveformJobs.Claim claim) throws IOException {
        var key = claim.audioKey();
        for (int attempt = 0; ; attempt++) {
            try {
                var local = storage.localFile(key);
                if (local.isPresent()) {
                    return Mp3Analysis.of(local.get(), claim.rule(), () -> false, executor, Runtime.getRuntime().availableProcessors());
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
