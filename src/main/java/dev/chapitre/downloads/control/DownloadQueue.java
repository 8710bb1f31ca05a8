package dev.chapitre.downloads.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Requests that may count as downloads, handed over by the delivery without waiting: counting
 * never slows or fails a download. When the queue is full (the database is far behind), hits are
 * dropped and counted as dropped.
 */
@ApplicationScoped
public class DownloadQueue {

    /** A request for at least a minute of an episode's audio (or all of it) by a non-bot client. */
    public record Hit(long podcastId, long episodeId, String ip, String userAgent, String app, Instant at) {
    }

    static final int CAPACITY = 200_000;

    private final BlockingQueue<Hit> hits = new ArrayBlockingQueue<>(CAPACITY);
    private final AtomicLong dropped = new AtomicLong();

    public void offer(Hit hit) {
        if (!hits.offer(hit)) {
            dropped.incrementAndGet();
        }
    }

    public List<Hit> drain(int max) {
        var batch = new ArrayList<Hit>(Math.min(max, hits.size()));
        hits.drainTo(batch, max);
        return batch;
    }

    public long dropped() {
        return dropped.get();
    }
}
