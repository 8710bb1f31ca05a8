package dev.chapitre.ratings.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RateLimiterTest {

    @Test
    void allowsTheLimitPerMinuteAndKey() {
        var limiter = new RateLimiter(3);
        long minute = 1_795_432_800_000L;
        for (int i = 0; i < 3; i++) {
            assertTrue(limiter.tryAcquire("10.0.0.1", minute + i));
        }
        assertFalse(limiter.tryAcquire("10.0.0.1", minute + 59_999));
        assertTrue(limiter.tryAcquire("10.0.0.2", minute + 100), "another address has its own budget");
        assertTrue(limiter.tryAcquire("10.0.0.1", minute + 60_000), "a new minute starts afresh");
    }
}
