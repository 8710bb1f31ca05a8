package dev.chapitre.ratings.control;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * At most {@code limit} events per key in each clock minute, in memory (a restart forgives).
 * Fixed windows are simple and enough against a flood from one address.
 */
public final class RateLimiter {

    private static final int MAX_KEYS = 100_000;

    private record Window(long minute, AtomicInteger count) {
    }

    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private final int limit;

    public RateLimiter(int limit) {
        this.limit = limit;
    }

    /** Counts one event for {@code key}; false when the key is over its limit this minute. */
    public boolean tryAcquire(String key, long nowMillis) {
        long minute = nowMillis / 60_000;
        if (windows.size() > MAX_KEYS) {
            windows.values().removeIf(window -> window.minute() < minute);
        }
        var window = windows.compute(key, (k, current) -> current == null || current.minute() != minute
                ? new Window(minute, new AtomicInteger()) : current);
        return window.count().incrementAndGet() <= limit;
    }
}
