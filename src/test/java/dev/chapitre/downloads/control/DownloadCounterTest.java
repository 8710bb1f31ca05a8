package dev.chapitre.downloads.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;


import dev.chapitre.platform.MovableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The IAB rule on a three-minute episode at 128 kbit/s (a minute is 960,000 bytes), without a tag
 * unless a test adds one, with a clock we move.
 */
class DownloadCounterTest {

    static final long LENGTH = 2_880_000;
    static final long NO_TAG = 0;
    static final String APP = "Overcast/3.0 (+http://overcast.fm/; iOS podcast app)";
    static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    static boolean qualifies(long bytes, String userAgent) {
        return DownloadCounter.qualifies(new DownloadCounter.Delivered(true, false, bytes, 0, LENGTH, NO_TAG, 128, userAgent));
    }

    @Test
    void aMinuteOfAudioOrTheWholeFileQualifies() {
        assertTrue(qualifies(LENGTH, APP));
        assertTrue(qualifies(960_000, APP));
        assertFalse(qualifies(959_999, APP), "less than a minute");
        assertFalse(qualifies(2, APP), "a bytes=0-1 probe");
        assertFalse(qualifies(0, APP), "HEAD, 304 and 416 send nothing");
        assertTrue(DownloadCounter.qualifies(new DownloadCounter.Delivered(true, false, 50_000, 0, 50_000, NO_TAG, 128, APP)),
                "a file shorter than a minute, sent whole");
        assertTrue(DownloadCounter.qualifies(new DownloadCounter.Delivered(true, false, 7_500, 0, LENGTH, NO_TAG, 0, APP)),
                "an unknown bit rate is taken as 1 kbit/s");
    }

    @Test
    void botsProducersAndArtworkDoNotQualify() {
        assertFalse(qualifies(LENGTH, "Googlebot/2.1 (+http://www.google.com/bot.html)"));
        assertFalse(DownloadCounter.qualifies(new DownloadCounter.Delivered(true, true, LENGTH, 0, LENGTH, NO_TAG, 128, APP)), "the producer listening");
        assertFalse(DownloadCounter.qualifies(new DownloadCounter.Delivered(false, false, LENGTH, 0, LENGTH, 0, 0, APP)), "artwork");
        assertTrue(qualifies(LENGTH, null), "no User-Agent is a listener we cannot name, not a bot");
    }

    @Test
    void theId3TagComesOnTopOfTheMinute() {
        long tag = 40_000; // the tag with its artwork and chapters
        var tagged = LENGTH + tag;
        assertFalse(DownloadCounter.qualifies(new DownloadCounter.Delivered(true, false, 960_000, 0, tagged, tag, 128, APP)),
                "a minute's worth of bytes from the start is mostly the tag");
        assertTrue(DownloadCounter.qualifies(new DownloadCounter.Delivered(true, false, 960_000 + tag, 0, tagged, tag, 128, APP)));
        assertTrue(DownloadCounter.qualifies(new DownloadCounter.Delivered(true, false, 960_000, tag, tagged, tag, 128, APP)),
                "a range after the tag is all audio");
        assertFalse(DownloadCounter.qualifies(new DownloadCounter.Delivered(true, false, 960_000, tag / 2, tagged, tag, 128, APP)),
                "a range starting inside the tag still carries its rest");
        assertTrue(DownloadCounter.qualifies(new DownloadCounter.Delivered(true, false, tagged, 0, tagged, tag, 128, APP)),
                "the whole file");
        assertTrue(DownloadCounter.qualifies(new DownloadCounter.Delivered(true, false, 960_000, 0, tagged, NO_TAG, 128, APP)),
                "a file without a tag: the minute alone");
    }

    @Test
    void appleWatchDownloadsAreTheIphonesAgain() {
        assertFalse(qualifies(LENGTH, "atc/1.0 watchOS/7.0.1 model/Watch5,4 hwp/t8006 build/18R402 (6; dt:204)"));
        assertFalse(qualifies(LENGTH, "AppleCoreMedia/1.0.0.16R5303d (Apple Watch; U; CPU OS 5_0 like Mac OS X; en_au)"));
        assertFalse(qualifies(LENGTH, "atc/1.0 watchOS model/Watch3,1 hwp/t8004 build/17R90 (6; dt:153)"));
        assertTrue(qualifies(LENGTH, "AppleCoreMedia/1.0.0.20G75 (iPhone; U; CPU OS 16_6 like Mac OS X; en_us)"), "the iPhone itself");
        assertTrue(qualifies(LENGTH, "Podcasts/1650.20 CFNetwork/1333.0.4 Darwin/21.5.0"));
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
        counter.forgetExpired(clock.instant());
        // A late hit, stamped before the window ended, is still judged by what is remembered…
        assertFalse(counter.counts(1, List.of("a", "a-yesterday"), T0.plus(Duration.ofHours(1))));

        clock.move(Duration.ofHours(2).plusSeconds(1));
        counter.forgetExpired(clock.instant());
        // …until the clock has moved past the window (and the later hit past it too).
        assertTrue(counter.counts(1, List.of("a", "a-yesterday"), T0.plus(Duration.ofHours(2))), "forgotten");
    }

    @Test
    void logLinesReadLateKeepTheWindowOfTheirOwnTime() {
        var clock = new MovableClock(T0.plus(Duration.ofDays(3)));
        var counter = new DownloadCounter(clock);
        assertTrue(counter.counts(1, List.of("a", "a-yesterday"), T0), "a line written three days ago");
        counter.forgetExpired(T0);
        assertFalse(counter.counts(1, List.of("a", "a-yesterday"), T0.plus(Duration.ofHours(5))), "the same listener five hours later");
        assertEquals(T0.minus(DownloadCounter.WINDOW), counter.horizon(T0));
        assertEquals(clock.instant().minus(DownloadCounter.WINDOW), counter.horizon(clock.instant().plusSeconds(9)), "never past now");
    }
}
