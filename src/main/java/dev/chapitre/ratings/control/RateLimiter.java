package dev.chapitre.ratings.control;

import com.hazelcast.map.IMap;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

/**
 * At most {@code limit} events per key in any {@link #WINDOW}, counted in a map of the data grid:
 * the instances of a cluster share one budget per key, whichever of them a client reaches. The
 * window slides with each event, so that no clock-minute boundary lets a burst of twice the limit
 * through. A key's times are changed under the grid's lock of that key (two instances never both
 * take the last place) and expire a window after its last event, so the map holds only the clients
 * of the last minute; a restart of the whole cluster forgives.
 */
public final class RateLimiter {

    public static final Duration WINDOW = Duration.ofSeconds(60);
    /** Longer than any grid operation: a lock whose instance died is never held for good. */
    private static final long LOCK_LEASE_SECONDS = 10;

    private final IMap<String, long[]> recent;
    private final int limit;
    private final Clock clock;

    public RateLimiter(IMap<String, long[]> recent, int limit, Clock clock) {
        this.recent = recent;
        this.limit = limit;
        this.clock = clock;
    }

    /** Counts one event for {@code key}; false (and nothing counted) when the key had its limit in the window. */
    public boolean tryAcquire(String key) {
        recent.lock(key, LOCK_LEASE_SECONDS, TimeUnit.SECONDS);
        try {
            long now = clock.millis();
            long windowStart = now - WINDOW.toMillis();
            var inWindow = Arrays.stream(Optional.ofNullable(recent.get(key)).orElse(new long[0]))
                    .filter(time -> time > windowStart).toArray();
            if (inWindow.length >= limit) {
                return false;
            }
            recent.set(key, LongStream.concat(Arrays.stream(inWindow), LongStream.of(now)).toArray(),
                    WINDOW.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } finally {
            unlock(key);
        }
    }

    /** A lock held past its lease (a long pause) is already released: nothing to give back then. */
    private void unlock(String key) {
        try {
            recent.unlock(key);
        } catch (IllegalMonitorStateException leaseExpired) {
            // the count above stands; another request may have counted at the same time
        }
    }
}
