package dev.chapitre.ratings.control;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most {@code limit} events per key in any 60 seconds, in memory (a restart forgives). The
 * window slides with each event, so that no clock-minute boundary lets a burst of twice the limit
 * through.
 */
public final class RateLimiter {

    private static final long WINDOW_MILLIS = 60_000;
    private static final int MAX_KEYS = 100_000;

    private final Map<String, Deque<Long>> recent = new ConcurrentHashMap<>();
    private final int limit;

    public RateLimiter(int limit) {
        this.limit = limit;
    }

    /** Counts one event for {@code key}; false (and nothing counted) when the key had its limit in the last minute. */
    public boolean tryAcquire(String key, long nowMillis) {
        if (recent.size() > MAX_KEYS) {
            recent.values().removeIf(times -> isIdle(times, nowMillis));
        }
        var times = recent.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && times.peekFirst() <= nowMillis - WINDOW_MILLIS) {
                times.pollFirst();
            }
            if (times.size() >= limit) {
                return false;
            }
            times.addLast(nowMillis);
            return true;
        }
    }

    private static boolean isIdle(Deque<Long> times, long nowMillis) {
        synchronized (times) {
            return times.isEmpty() || times.peekLast() <= nowMillis - WINDOW_MILLIS;
        }
    }
}
