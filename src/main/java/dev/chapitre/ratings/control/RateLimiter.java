package dev.chapitre.ratings.control;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most {@code limit} events per key in any {@link #WINDOW}, in memory (a restart forgives). The
 * window slides with each event, so that no clock-minute boundary lets a burst of twice the limit
 * through.
 */
public final class RateLimiter {

    public static final Duration WINDOW = Duration.ofSeconds(60);
    private static final int MAX_KEYS = 100_000;

    private final Map<String, Deque<Long>> recent = new ConcurrentHashMap<>();
    private final int limit;
    private final Clock clock;

    public RateLimiter(int limit, Clock clock) {
        this.limit = limit;
        this.clock = clock;
    }

    /** Counts one event for {@code key}; false (and nothing counted) when the key had its limit in the window. */
    public boolean tryAcquire(String key) {
        long now = clock.millis();
        long windowStart = now - WINDOW.toMillis();
        if (recent.size() > MAX_KEYS) {
            recent.values().removeIf(times -> isIdle(times, windowStart));
        }
        var times = recent.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && times.peekFirst() <= windowStart) {
                times.pollFirst();
            }
            if (times.size() >= limit) {
                return false;
            }
            times.addLast(now);
            return true;
        }
    }

    private static boolean isIdle(Deque<Long> times, long windowStart) {
        synchronized (times) {
            return times.isEmpty() || times.peekLast() <= windowStart;
        }
    }
}
