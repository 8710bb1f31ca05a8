package dev.chapitre.waveforms.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class WaveformTest {

    static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void aClaimHoldsUntilItGoesStaleOrTheAudioOrRuleChanges() {
        var waveform = new Waveform(7, 2, -40, 300, NOW);

        assertFalse(waveform.claimable(2, -40, 300, true, NOW.minusSeconds(1)), "being computed");
        assertTrue(waveform.claimable(2, -40, 300, false, NOW.plusSeconds(1)), "claimed before the stale mark: lost with its instance");
        assertTrue(waveform.claimable(3, -40, 300, false, NOW), "newer audio");
        assertFalse(waveform.claimable(1, -40, 300, true, NOW.plusSeconds(1)), "a caller that read older audio lost a race");
        assertTrue(waveform.claimable(2, -35, 300, false, NOW), "another threshold");
        assertTrue(waveform.heldBy(2, NOW));
        assertFalse(waveform.heldBy(3, NOW));

        waveform.claim(2, -40, 300, NOW.plusSeconds(400)); // another instance took it over
        assertTrue(waveform.wants(2, -40, 300), "the first instance's result is still the one wanted");
        assertFalse(waveform.wants(2, -35, 300));
        waveform.release(2, NOW);
        assertEquals(NOW.plusSeconds(400), waveform.claimedAt(), "only its holder releases a claim");
        waveform.release(2, NOW.plusSeconds(400));
        assertTrue(waveform.claimable(2, -40, 300, false, NOW), "released: stale at once");
    }

    @Test
    void readyKeepsPeaksAndPausesFailedIsTriedAgainOnlyWhenAsked() {
        var waveform = new Waveform(7, 2, -40, 300, NOW);
        var pauses = List.of(new Pause(1_000, 1_500), new Pause(3_600_000, 3_601_250));

        waveform.ready(44_100, 441, new byte[] {-3, 4, -1, 1}, pauses, 3_700_000, NOW);

        assertEquals(WaveformState.READY, waveform.state());
        assertEquals(pauses, waveform.pauses());
        assertFalse(waveform.claimable(2, -40, 300, true, NOW.plusSeconds(3600)));
        assertFalse(waveform.heldBy(2, NOW), "a ready row holds no claim");
        assertFalse(waveform.wants(2, -40, 300), "done");

        waveform.claim(2, -35, 300, NOW);
        assertEquals(4, waveform.peaks().length, "another pause rule: the same audio's peaks stay");

        waveform.claim(3, -40, 300, NOW);
        assertEquals(0, waveform.peaks().length, "the other audio's peaks go with it");
        assertEquals(List.of(), waveform.pauses());
        waveform.failed("x".repeat(2000), NOW);
        assertEquals(Waveform.MAX_ERROR, waveform.error().orElseThrow().length());
        assertFalse(waveform.claimable(3, -40, 300, false, NOW.plusSeconds(3600)));
        assertTrue(waveform.claimable(3, -40, 300, true, NOW));
        assertEquals(List.of(), waveform.pauses());
    }
}
