package dev.chapitre.security.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chapitre.platform.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SignInThrottleTest {

    private final MovableClock clock = new MovableClock(Instant.parse("2026-01-01T10:00:00Z"));
    private final SignInThrottle throttle = new SignInThrottle(
            new SignInThrottle.Limits(10, Duration.ofMinutes(1), Duration.ofMinutes(1), Duration.ofMinutes(30)), clock);

    @Test
    void theEleventhAttemptAfterTenFailuresWithinAMinuteWaits() {
        failTimes(10, "ana@example.org", "192.0.2.1");
        var refused = throttle.admit(List.of("ana@example.org", "192.0.2.1"));
        assertTrue(refused.attempt().isEmpty());
        assertEquals(Duration.ofMinutes(1), refused.retryAfter().orElseThrow());
        clock.move(Duration.ofSeconds(59));
        assertTrue(throttle.admit(List.of("ana@example.org")).attempt().isEmpty(), "a right password waits too: it is not even checked");
        clock.move(Duration.ofSeconds(1));
        assertTrue(throttle.admit(List.of("ana@example.org")).attempt().isPresent(), "the lock has ended");
    }

    @Test
    void failuresSpreadOverMoreThanAMinuteDoNotLock() {
        for (int i = 0; i < 30; i++) {
            failTimes(1, "ana@example.org");
            clock.move(Duration.ofSeconds(7));
        }
        assertTrue(throttle.admit(List.of("ana@example.org")).attempt().isPresent());
    }

    @Test
    void successesDoNotCount() {
        for (int i = 0; i < 50; i++) {
            throttle.release(throttle.admit(List.of("ana@example.org", "192.0.2.1")).attempt().orElseThrow());
        }
        failTimes(9, "ana@example.org", "192.0.2.1");
        assertTrue(throttle.admit(List.of("ana@example.org", "192.0.2.1")).attempt().isPresent());
    }

    @Test
    void eachKeyIsLockedOnItsOwn() {
        failTimes(10, "ana@example.org", "192.0.2.1");
        assertTrue(throttle.admit(List.of("bob@example.org", "192.0.2.1")).attempt().isEmpty(), "the address is locked");
        assertTrue(throttle.admit(List.of("ana@example.org", "192.0.2.2")).attempt().isEmpty(), "the account is locked");
        assertTrue(throttle.admit(List.of("bob@example.org", "192.0.2.2")).attempt().isPresent());
    }

    @Test
    void repeatedLockoutsWaitLongerUpToTheMaximumAndAreForgottenAfterAQuietPeriod() {
        var waits = new java.util.ArrayList<Duration>();
        for (int lockout = 0; lockout < 7; lockout++) {
            failTimes(10, "192.0.2.1");
            var wait = throttle.admit(List.of("192.0.2.1")).retryAfter().orElseThrow();
            waits.add(wait);
            clock.move(wait);
        }
        assertEquals(List.of(1L, 2L, 4L, 8L, 16L, 30L, 30L), waits.stream().map(Duration::toMinutes).toList());

        clock.move(Duration.ofMinutes(30));
        failTimes(10, "192.0.2.1");
        assertEquals(Duration.ofMinutes(1), throttle.admit(List.of("192.0.2.1")).retryAfter().orElseThrow());
    }

    @Test
    void parallelGuessesCannotSlipPastTheLimitWhileTheyAreChecked() {
        var inFlight = new java.util.ArrayList<SignInThrottle.Attempt>();
        for (int i = 0; i < 10; i++) {
            inFlight.add(throttle.admit(List.of("ana@example.org")).attempt().orElseThrow());
        }
        var eleventh = throttle.admit(List.of("ana@example.org"));
        assertTrue(eleventh.attempt().isEmpty());
        assertEquals(Duration.ofSeconds(1), eleventh.retryAfter().orElseThrow());
        throttle.release(inFlight.remove(0));
        assertTrue(throttle.admit(List.of("ana@example.org")).attempt().isPresent(), "a place became free");
    }

    @Test
    void aRefusalReleasesWhatItReservedOnTheOtherKeys() {
        failTimes(10, "192.0.2.1");
        for (int i = 0; i < 20; i++) {
            assertTrue(throttle.admit(List.of("ana@example.org", "192.0.2.1")).attempt().isEmpty());
        }
        assertTrue(throttle.admit(List.of("ana@example.org", "192.0.2.2")).attempt().isPresent(), "ana's places were given back");
    }

    private void failTimes(int times, String... keys) {
        for (int i = 0; i < times; i++) {
            throttle.failed(throttle.admit(List.of(keys)).attempt().orElseThrow());
        }
    }
}
