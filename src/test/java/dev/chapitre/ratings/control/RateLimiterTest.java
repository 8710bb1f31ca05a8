package dev.chapitre.ratings.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RateLimiterTest {

    static final long START = 1_795_432_830_000L; // half past a minute: a fixed window would reset in 30 s

    @Test
    void allowsTheLimitInAnySixtySecondsPerKey() {
        var limiter = new RateLimiter(3);
        for (int i = 0; i < 3; i++) {
            assertTrue(limiter.tryAcquire("10.0.0.1", START + i));
        }
        assertFalse(limiter.tryAcquire("10.0.0.1", START + 30_000), "the next clock minute is no fresh start");
        assertFalse(limiter.tryAcquire("10.0.0.1", START + 59_999));
        assertTrue(limiter.tryAcquire("10.0.0.2", START + 100), "another address has its own budget");
        assertTrue(limiter.tryAcquire("10.0.0.1", START + 60_000), "the first event has left the window");
        assertFalse(limiter.tryAcquire("10.0.0.1", START + 60_000), "the other two have not");
        assertTrue(limiter.tryAcquire("10.0.0.1", START + 60_002));
    }

    @Test
    void refusedEventsDoNotCount() {
        var limiter = new RateLimiter(1);
        assertTrue(limiter.tryAcquire("k", START));
        for (int i = 1; i < 50; i++) {
            assertFalse(limiter.tryAcquire("k", START + i * 1000L));
        }
        assertTrue(limiter.tryAcquire("k", START + 60_000), "a client that keeps trying is not locked out for ever");
    }
}
