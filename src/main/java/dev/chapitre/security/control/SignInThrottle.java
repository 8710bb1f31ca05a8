package dev.chapitre.security.control;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password and token guessing. Each attempt names its keys (the account's email, the
 * client's address); {@code maxFailures} failures of one key within {@code window} lock that key
 * for {@code firstLock}, doubled at each lockout that follows (up to {@code maxLock}) until the
 * key has been quiet for {@code maxLock}. A locked key refuses every attempt, a right password
 * too: otherwise the lock would only slow down guesses that fail. Only failures count, so a
 * producer who signs in often is never slowed down.
 * <p>
 * Attempts are reserved before the credentials are checked, so parallel guesses cannot slip past
 * the limit while the (slow) password checks of the earlier ones are still running.
 * <p>
 * In memory, per instance: a restart forgives, and instances behind a load balancer count apart.
 */
public final class SignInThrottle {

    public record Limits(int maxFailures, Duration window, Duration firstLock, Duration maxLock) {
    }

    /** An attempt that may go ahead: it must be ended with {@link #failed} or {@link #release}. */
    public record Attempt(List<String> keys) {
    }

    /** Either an attempt that may go ahead, or the time to wait (never both). */
    public record Admission(Optional<Attempt> attempt, Optional<Duration> retryAfter) {
    }

    private static final int MAX_KEYS = 100_000;
    /** What a client is told to wait when only attempts still being checked hold the last places. */
    private static final Duration BUSY = Duration.ofSeconds(1);

    private final Limits limits;
    private final Clock clock;
    private final Map<String, Door> doors = new ConcurrentHashMap<>();

    public SignInThrottle(Limits limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
    }

    /** The attempt, or how long the client must wait before trying again. */
    public Admission admit(List<String> keys) {
        var now = clock.instant();
        if (doors.size() > MAX_KEYS) {
            doors.values().removeIf(door -> door.isForgotten(now));
        }
        var reserved = new ArrayList<Door>();
        for (var key : keys) {
            var door = doors.computeIfAbsent(key, k -> new Door());
            var wait = door.reserve(now);
            if (wait.isPresent()) {
                reserved.forEach(Door::release);
                return new Admission(Optional.empty(), wait);
            }
            reserved.add(door);
        }
        return new Admission(Optional.of(new Attempt(List.copyOf(keys))), Optional.empty());
    }

    public void failed(Attempt attempt) {
        var now = clock.instant();
        attempt.keys().forEach(key -> doors.computeIfAbsent(key, k -> new Door()).failed(now));
    }

    /** The attempt did not fail: it succeeded, or the credentials could not be checked. */
    public void release(Attempt attempt) {
        attempt.keys().forEach(key -> Optional.ofNullable(doors.get(key)).ifPresent(Door::release));
    }

    /** One key's recent failures and lockouts. */
    private final class Door {

        private final ArrayDeque<Instant> failures = new ArrayDeque<>();
        private int inFlight;
        private int lockouts;
        private Instant lockedUntil = Instant.MIN;
        private Instant lastFailure = Instant.MIN;

        synchronized Optional<Duration> reserve(Instant now) {
            if (now.isBefore(lockedUntil)) {
                return Optional.of(Duration.between(now, lockedUntil));
            }
            forgetOld(now);
            if (failures.size() + inFlight >= limits.maxFailures()) {
                return Optional.of(BUSY);
            }
            inFlight++;
            return Optional.empty();
        }

        synchronized void release() {
            inFlight = Math.max(0, inFlight - 1);
        }

        synchronized void failed(Instant now) {
            release();
            forgetOld(now);
            failures.addLast(now);
            lastFailure = now;
            if (failures.size() >= limits.maxFailures()) {
                failures.clear();
                lockouts++;
                lockedUntil = now.plus(lockFor(lockouts));
            }
        }

        synchronized boolean isForgotten(Instant now) {
            return inFlight == 0 && !now.isBefore(lockedUntil) && lastFailure.plus(quietPeriod()).isBefore(now);
        }

        private void forgetOld(Instant now) {
            while (!failures.isEmpty() && !failures.peekFirst().isAfter(now.minus(limits.window()))) {
                failures.removeFirst();
            }
            if (lockouts > 0 && !now.isBefore(lockedUntil.plus(limits.maxLock()))) {
                lockouts = 0; // quiet since the last lockout ended: the next one starts short again
            }
        }

        private Duration quietPeriod() {
            return limits.window().compareTo(limits.maxLock()) > 0 ? limits.window() : limits.maxLock();
        }
    }

    private Duration lockFor(int lockout) {
        var lock = limits.firstLock();
        for (int i = 1; i < lockout && lock.compareTo(limits.maxLock()) < 0; i++) {
            lock = lock.multipliedBy(2);
        }
        return lock.compareTo(limits.maxLock()) > 0 ? limits.maxLock() : lock;
    }
}
