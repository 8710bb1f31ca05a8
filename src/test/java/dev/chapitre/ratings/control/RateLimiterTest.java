package dev.chapitre.ratings.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chapitre.platform.MovableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    // half past a minute: a fixed window would reset in 30 s
    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-23T10:00:30Z"));

    @Test
    void allowsTheLimitInAnySixtySecondsPerKey() {
        var limiter = new RateLimiter(3, clock);
        for (int i = 0; i < 3; i++) {
            assertTrue(limiter.tryAcquire("10.0.0.1"));
            clock.move(Duration.ofMillis(1));
        }
        clock.move(Duration.ofMillis(29_997)); // 30 s after the first
        assertFalse(limiter.tryAcquire("10.0.0.1"), "the next clock minute is no fresh start");
        clock.move(Duration.ofMillis(29_999));
        assertFalse(limiter.tryAcquire("10.0.0.1"));
        assertTrue(limiter.tryAcquire("10.0.0.2"), "another address has its own budget");
        clock.move(Duration.ofMillis(1)); // 60 s after the first
        assertTrue(limiter.tryAcquire("10.0.0.1"), "the first event has left the window");
        assertFalse(limiter.tryAcquire("10.0.0.1"), "the other two have not");
        clock.move(Duration.ofMillis(2));
        assertTrue(limiter.tryAcquire("10.0.0.1"));
    }

    @Test
    void refusedEventsDoNotCount() {
        var limiter = new RateLimiter(1, clock);
        assertTrue(limiter.tryAcquire("k"));
        for (int i = 1; i < 50; i++) {
            clock.move(Duration.ofSeconds(1));
            assertFalse(limiter.tryAcquire("k"), "after " + i + " s");
        }
        clock.move(Duration.ofSeconds(11));
        assertTrue(limiter.tryAcquire("k"), "a client that keeps trying is not locked out for ever");
    }
}
