package dev.chapitre.ratings.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class AddressAllowanceTest {

    @Test
    void theFirstRatingsOfADayCountAndTheNextOnesAreHeld() {
        var allowance = new AddressAllowance(3);
        assertFalse(allowance.holds(0));
        assertFalse(allowance.holds(2), "the third one still counts");
        assertTrue(allowance.holds(3), "the fourth waits for review");
        assertTrue(allowance.holds(40));
    }

    @Test
    void theDayIsTheLast24HoursSoMidnightGivesNoSecondAllowance() {
        var clock = Clock.fixed(Instant.parse("2026-03-10T00:00:30Z"), ZoneOffset.UTC);
        var allowance = new AddressAllowance(3);
        assertEquals(Instant.parse("2026-03-09T00:00:30Z"), allowance.windowStart(clock.instant()),
                "ratings of 23:59 yesterday still count against the allowance");
        var aDayLater = Clock.offset(clock, AddressAllowance.DAY);
        assertEquals(clock.instant(), allowance.windowStart(aDayLater.instant()));
    }

    @Test
    void zeroHoldsEveryNewRatingAndANegativeSettingIsZero() {
        assertTrue(new AddressAllowance(0).holds(0));
        assertTrue(new AddressAllowance(-2).holds(0));
        assertEquals(0, new AddressAllowance(-2).perDay());
    }
}
