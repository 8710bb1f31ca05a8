package dev.chapitre.ratings.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hazelcast.map.IMap;
import dev.chapitre.platform.MovableClock;
import dev.chapitre.platform.TestGrid;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    // half past a minute: a fixed window would reset in 30 s
    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-23T10:00:30Z"));

    @Test
    void allowsTheLimitInAnySixtySecondsPerKey() {
        var limiter = new RateLimiter(fresh(), 3, clock);
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
        var limiter = new RateLimiter(fresh(), 1, clock);
        assertTrue(limiter.tryAcquire("k"));
        for (int i = 1; i < 50; i++) {
            clock.move(Duration.ofSeconds(1));
            assertFalse(limiter.tryAcquire("k"), "after " + i + " s");
        }
        clock.move(Duration.ofSeconds(11));
        assertTrue(limiter.tryAcquire("k"), "a client that keeps trying is not locked out for ever");
    }

    @Test
    void twoInstancesOfAClusterShareOneBudget() throws Exception {
        var cluster = "chapitre-rate-" + UUID.randomUUID();
        var a = TestGrid.member(cluster);
        var b = TestGrid.member(cluster);
        var pool = Executors.newFixedThreadPool(8);
        try {
            assertEquals(2, a.getCluster().getMembers().size(), "the two members formed one cluster");
            var onA = new RateLimiter(a.getMap("ratings"), 10, clock);
            var onB = new RateLimiter(b.getMap("ratings"), 10, clock);
            var attempts = IntStream.range(0, 40).mapToObj(i -> (Callable<Boolean>) () -> (i % 2 == 0 ? onA : onB).tryAcquire("10.0.0.9"))
                    .toList();
            long allowed = 0;
            for (var answer : pool.invokeAll(attempts)) {
                allowed += answer.get() ? 1 : 0;
            }
            assertEquals(10, allowed, "40 attempts at once, half on each instance: exactly the budget goes through");
            assertTrue(onB.tryAcquire("10.0.0.10"), "another client has its own budget on either instance");
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(10, TimeUnit.SECONDS);
            b.shutdown();
            a.shutdown();
        }
    }

    private static IMap<String, long[]> fresh() {
        return TestGrid.shared().getMap("ratings-" + UUID.randomUUID());
    }
}
