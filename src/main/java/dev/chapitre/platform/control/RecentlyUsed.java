package dev.chapitre.platform.control;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * Values kept by key within a budget (their weight, e.g. bytes): past it, the least recently used
 * go first. For what is costly to make and named by what it is made from, so that a key never needs
 * invalidating: a change makes a new key, and the old value ages out.
 */
public final class RecentlyUsed<V> {

    private final long budget;
    private final ToLongFunction<V> weight;
    private final LinkedHashMap<String, V> values = new LinkedHashMap<>(64, 0.75f, true);
    private long used;

    public RecentlyUsed(long budget, ToLongFunction<V> weight) {
        this.budget = budget;
        this.weight = weight;
    }

    /** The value under {@code key}, made by {@code make} when there is none (nothing kept when it makes none). */
    public Optional<V> get(String key, Supplier<Optional<V>> make) {
        synchronized (this) {
            var kept = values.get(key);
            if (kept != null) {
                return Optional.of(kept);
            }
        }
        var made = make.get(); // outside the lock: making may read the database
        made.ifPresent(value -> keep(key, value));
        return made;
    }

    private synchronized void keep(String key, V value) {
        var previous = values.put(key, value);
        used += weight.applyAsLong(value) - (previous == null ? 0 : weight.applyAsLong(previous));
        var oldest = values.entrySet().iterator();
        while (used > budget && oldest.hasNext()) {
            Map.Entry<String, V> entry = oldest.next();
            used -= weight.applyAsLong(entry.getValue());
            oldest.remove();
        }
    }
}
