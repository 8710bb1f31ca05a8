package dev.chapitre.retagging.boundary;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import dev.chapitre.media.control.MediaCommits;
import dev.chapitre.media.control.MediaStorage;
import dev.chapitre.platform.boundary.PublicUrls;
import dev.chapitre.tagging.control.Id3TagBuilder;
import dev.chapitre.tagging.control.Id3Version;
import dev.chapitre.tagging.control.Id3v2Header;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Rebuilds an episode's MP3 tag after a change, off the request thread. Jobs are serialised per
 * episode and coalesced: changes that arrive while a job runs make it run once more, from the
 * latest state, so two quick edits never interleave and the last one always wins.
 * <p>
 * In a cluster each episode's file has one writer at a time: a job holds the data grid's lock of
 * its episode while it runs, so a change made on another instance waits for it and then re-tags
 * from the latest state. The grid releases the lock of an instance that dies; the episode it left
 * behind its content is then resumed by another instance ({@link TagResumption}).
 */
@ApplicationScoped
public class Retagger {

    private static final Logger LOG = Logger.getLogger(Retagger.class.getName());
    private static final int MAX_ROUNDS = 20;

    @Resource
    ManagedExecutorService executor;

    @Resource
    ManagedScheduledExecutorService scheduler;

    /** How often a version whose recording failed is looked at again. */
    private static final Duration UNREFERENCED_CHECK = Duration.ofSeconds(5);

    @Inject
    TagJobs jobs;

    @Inject
    MediaStorage storage;

    @Inject
    MediaCommits commits;

    @Inject
    PublicUrls urls;

    @Inject
    @ConfigProperty(name = "CHAPITRE_ID3_VERSION", defaultValue = "2.3")
    String configuredVersion;

    private Id3Version version;

    /** The data grid's map whose per-episode locks say which instance writes an episode's file. */
    static final String WRITERS = "chapitre.retagging.writers";

    @Inject
    HazelcastInstance grid;

    /** Per episode: the base URL of the latest request, and whether another round is due. */
    private final Map<Long, Job> running = new HashMap<>();

    private static final class Job {
        Optional<String> baseUrl;
        boolean again;
        /** A resumption: nothing to do if the file caught up, or if another instance is at it. */
        boolean onlyIfBehind;

        Job(Optional<String> baseUrl, boolean onlyIfBehind) {
            this.baseUrl = baseUrl;
            this.onlyIfBehind = onlyIfBehind;
        }
    }

    @PostConstruct
    void readVersion() {
        version = Id3Version.parse(configuredVersion).orElseGet(() -> {
            LOG.severe(() -> "CHAPITRE_ID3_VERSION must be 2.3 or 2.4, not '" + configuredVersion + "'; writing ID3v2.3.");
            return Id3Version.V2_3;
        });
    }

    /** After a change, with the public base URL of the request that made it. */
    public void schedule(long episodeId, String baseUrl) {
        Job job;
        synchronized (running) {
            job = running.get(episodeId);
            if (job != null) {
                job.again = true;
                job.onlyIfBehind = false;
                job.baseUrl = Optional.of(baseUrl);
                return;
            }
            job = new Job(Optional.of(baseUrl), false);
            running.put(episodeId, job);
        }
        start(episodeId, job);
    }

    /**
     * For an episode found behind its content with no request to go by (after a crash): the
     * configured base URL, else the one of the file's last tag. Nothing to do while a job runs.
     */
    public void resume(long episodeId) {
        Job job;
        synchronized (running) {
            if (running.containsKey(episodeId)) {
                return;
            }
            job = new Job(urls.configured(), true);
            running.put(episodeId, job);
        }
        start(episodeId, job);
    }

    private void start(long episodeId, Job job) {
        try {
            executor.execute(() -> run(episodeId, job));
        } catch (RuntimeException refused) { // shutting down: the next start resumes it
            synchronized (running) {
                running.remove(episodeId);
            }
            throw refused;
        }
    }


    private void run(long episodeId, Job job) {
        try {
            IMap<Long, Boolean> writers = grid.getMap(WRITERS);
            if (!lock(writers, episodeId, job)) {
                return;
            }
            try {
                runRounds(episodeId, job);
            } finally {
                writers.unlock(episodeId);
            }
        } catch (RuntimeException | Error gridOrWorse) {
            // The grid failed us (a split being merged, shutting down): the job ends here, so that
            // the next change or resumption starts a new one instead of finding this one "running".
            synchronized (running) {
                running.remove(episodeId, job);
            }
            LOG.log(Level.WARNING, "Re-tagging episode " + episodeId + " stopped; the next change or resumption starts it again", gridOrWorse);
        }
    }

    /** Takes the episode's lock; false (the job ended) for a resumption while another instance is at it. */
    private boolean lock(IMap<Long, Boolean> writers, long episodeId, Job job) {
        boolean resumption;
        synchronized (running) {
            resumption = job.onlyIfBehind;
        }
        if (resumption && !writers.tryLock(episodeId)) {
            synchronized (running) { // another instance is at it; should it die, the next resumption is ours
                if (job.onlyIfBehind) {
                    running.remove(episodeId);
                    return false;
                }
            }
            writers.lock(episodeId); // a change came meanwhile: it waits for the other writer
        } else if (!resumption) {
            writers.lock(episodeId);
        }
        return true;
    }

    private void runRounds(long episodeId, Job job) {
        for (int round = 0; ; round++) {
            Optional<String> baseUrl;
            boolean onlyIfBehind;
            synchronized (running) {
                job.again = false;
                baseUrl = job.baseUrl;
                onlyIfBehind = job.onlyIfBehind;
            }
            boolean replaced = retagOnce(episodeId, baseUrl, onlyIfBehind);
            synchronized (running) {
                if (!replaced && round < MAX_ROUNDS) {
                    job.again = true; // the file changed under us: start over from the new one
                }
                if (!job.again) {
                    running.remove(episodeId);
                    return;
                }
            }
        }
    }

    /** One attempt; false when the audio was replaced meanwhile and the attempt must be repeated. */
    private boolean retagOnce(long episodeId, Optional<String> baseUrl, boolean onlyIfBehind) {
        try {
            var snapshot = jobs.snapshot(episodeId, baseUrl);
            if (snapshot.isEmpty() || onlyIfBehind && !snapshot.get().behind()) {
                return true; // deleted meanwhile, or another instance caught it up
            }
            var key = snapshot.get().audioKey();
            if (storage.version(key).isEmpty()) {
                return true; // not yet in place: its publication schedules another round
            }
            long audioStart;
            try (var header = storage.read(key, 0, Id3v2Header.HEADER_BYTES)) {
                audioStart = Id3v2Header.sizeOf(header);
            }
            var tag = Id3TagBuilder.build(snapshot.get().content(), version);
            // A new version under a key of its own (object storage cannot rename), switched to by a
            // compare-and-set of the episode's key; the loser removes its version and starts over.
            var tagged = MediaCommits.newKey("episodes", "mp3");
            boolean recorded;
            commits.hold(tagged); // no row names it until recordTagged commits: the reconciliation must not take it for an orphan
            try {
                long length = storage.prepend(tagged, tag, key, audioStart);
                try {
                    recorded = jobs.recordTagged(snapshot.get(), tagged, length);
                } catch (RuntimeException unknownOutcome) {
                    removeOnceUnreferenced(tagged);
                    throw unknownOutcome;
                }
            } finally {
                commits.release(tagged);
            }
            if (!recorded) {
                storage.delete(tagged);
                return false;
            }
            return true;
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "Re-tagging episode " + episodeId + " failed; the previous file is still served", e);
            try {
                jobs.recordFailure(episodeId, String.valueOf(e.getMessage()));
            } catch (RuntimeException ignored) {
                // The database is unreachable too; the failure is in the log.
            }
            return true;
        }
    }

    /**
     * A new version whose recording failed (the database went away: did the commit happen?) is
     * removed once the database answers that no episode names it; until then it is only an
     * unreferenced file, which no listener can reach.
     */
    private void removeOnceUnreferenced(String key) {
        scheduler.schedule(() -> {
            try {
                if (!jobs.refersTo(key)) {
                    storage.delete(key);
                }
            } catch (RuntimeException stillUnreachable) {
                removeOnceUnreferenced(key);
            }
        }, UNREFERENCED_CHECK.toSeconds(), TimeUnit.SECONDS);
    }
}
