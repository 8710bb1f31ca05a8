package dev.chapitre.downloads.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;


import dev.chapitre.platform.MovableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The IAB rule on a three-minute episode at 128 kbit/s (a minute is 960,000 bytes), with a clock we move. */
class DownloadCounterTest {

    static final long LENGTH = 2_880_000;
    static final String APP = "Overcast/3.0 (+http://overcast.fm/; iOS podcast app)";
    static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    static boolean qualifies(long bytes, String userAgent) {
        return DownloadCounter.qualifies(new DownloadCounter.Delivered(true, false, bytes, LENGTH, 128, userAgent));
    }

    @Test
    void aMinuteOfAudioOrTheWholeFileQualifies() {
        assertTrue(qualifies(LENGTH, APP));
        assertTrue(qualifies(960_000, APP));
        assertFalse(qualifies(959_999, APP), "less than a minute");
        assertFalse(qualifies(2, APP), "a bytes=0-1 probe");
        assertFalse(qualifies(0, APP), "HEAD, 304 and 416 send nothing");
        assertTrue(DownloadCounter.qualifies(new DownloadCounter.Delivered(true, false, 50_000, 50_000, 128, APP)),
                "a file shorter than a minute, sent whole");
        assertTrue(DownloadCounter.qualifies(new DownloadCounter.Delivered(true, false, 7_500, LENGTH, 0, APP)),
                "an unknown bit rate is taken as 1 kbit/s");
    }

    @Test
    void botsProducersAndArtworkDoNotQualify() {
        assertFalse(qualifies(LENGTH, "Googlebot/2.1 (+http://www.google.com/bot.html)"));
        assertFalse(DownloadCounter.qualifies(new DownloadCounter.Delivered(true, true, LENGTH, LENGTH, 128, APP)), "the producer listening");
        assertFalse(DownloadCounter.qualifies(new DownloadCounter.Delivered(false, false, LENGTH, LENGTH, 0, APP)), "artwork");
        assertTrue(qualifies(LENGTH, null), "no User-Agent is a listener we cannot name, not a bot");
    }

    @Test
    void oneDownloadPerListenerAndEpisodeInAnyRolling24Hours() {
        var counter = new DownloadCounter(Clock.fixed(T0, ZoneOffset.UTC));
        assertTrue(counter.counts(1, List.of("a", "a-yesterday"), T0));
        assertFalse(counter.counts(1, List.of("a", "a-yesterday"), T0.plus(Duration.ofHours(24)).minusSeconds(1)));
        assertTrue(counter.counts(2, List.of("a", "a-yesterday"), T0.plusSeconds(1)), "another episode");
        assertTrue(counter.counts(1, List.of("b", "b-yesterday"), T0.plusSeconds(1)), "another listener");
        assertTrue(counter.counts(1, List.of("a", "a-yesterday"), T0.plus(Duration.ofHours(24))), "24 hours later");
    }

    @Test
    void aListenerIsRecognisedAcrossMidnightByYesterdaysId() {
        var counter = new DownloadCounter(Clock.fixed(T0, ZoneOffset.UTC));
        assertTrue(counter.counts(1, List.of("a-monday", "a-sunday"), T0));
        assertFalse(counter.counts(1, List.of("a-tuesday", "a-monday"), T0.plus(Duration.ofHours(20))));
    }

    @Test
    void downloadsReadBackAfterARestartHoldTheListenerBack() {
        var counter = new DownloadCounter(Clock.fixed(T0, ZoneOffset.UTC));
        counter.remember(1, "a", T0.minus(Duration.ofHours(2)));
        counter.remember(1, "a", T0.minus(Duration.ofHours(30)));
        assertFalse(counter.counts(1, List.of("a", "a-yesterday"), T0), "the later of the two holds");
    }

    @Test
    void theWindowIsForgottenByTheClockNotBefore() {
        var clock = new MovableClock(T0);
        var counter = new DownloadCounter(clock);
        assertTrue(counter.counts(1, List.of("a", "a-yesterday"), T0));

        clock.move(Duration.ofHours(23));
        counter.forgetExpired();
        // A late hit, stamped before the window ended, is still judged by what is remembered…
        assertFalse(counter.counts(1, List.of("a", "a-yesterday"), T0.plus(Duration.ofHours(1))));

        clock.move(Duration.ofHours(2).plusSeconds(1));
        counter.forgetExpired();
        // …until the clock has moved past the window (and the later hit past it too).
        assertTrue(counter.counts(1, List.of("a", "a-yesterday"), T0.plus(Duration.ofHours(2))), "forgotten");
    }
}
