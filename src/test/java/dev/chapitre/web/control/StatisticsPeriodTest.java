package dev.chapitre.web.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StatisticsPeriodTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

    @Test
    void theLastThirtyDaysUnlessTheProducerChoseOthers() {
        assertEquals(new StatisticsPeriod(LocalDate.of(2026, 11, 2), TODAY, Map.of()), StatisticsPeriod.of(Optional.empty(), Optional.empty(), TODAY, Locale.ENGLISH));
        var chosen = StatisticsPeriod.of(Optional.of("2026-10-01"), Optional.of(" 2026-10-31 "), TODAY, Locale.ENGLISH);
        assertEquals(new StatisticsPeriod(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31), Map.of()), chosen);
        assertEquals(31, chosen.days());
        assertEquals(LocalDate.of(2026, 10, 2), StatisticsPeriod.of(Optional.empty(), Optional.of("2026-10-31"), TODAY, Locale.ENGLISH).from(), "30 days up to 'to'");
    }

    @Test
    void aBadDateOrRangeIsSaidByItsFieldAndTheDefaultDaysShown() {
        var unreadable = StatisticsPeriod.of(Optional.of("hier"), Optional.empty(), TODAY, Locale.ENGLISH);
        assertEquals(Map.of("from", "“hier” is not a date: write it as 2026-11-30."), unreadable.errors());
        assertEquals(30, unreadable.days());
        assertEquals("The first day (2026-11-30) is after the last (2026-11-01).",
                StatisticsPeriod.of(Optional.of("2026-11-30"), Optional.of("2026-11-01"), TODAY, Locale.ENGLISH).errors().get("from"));
        assertEquals(1, StatisticsPeriod.of(Optional.of("2020-01-01"), Optional.empty(), TODAY, Locale.ENGLISH).errors().size(), "over three years");
        assertEquals(Map.of("to", "Choose a day from 2000-01-01 to today (2026-12-01)."),
                StatisticsPeriod.of(Optional.empty(), Optional.of("-999999999-01-01"), TODAY, Locale.ENGLISH).errors(), "off the calendar: no arithmetic runs off it");
        assertEquals(Map.of("from", "Choose a day from 2000-01-01 to today (2026-12-01)."),
                StatisticsPeriod.of(Optional.of("2026-12-02"), Optional.empty(), TODAY, Locale.ENGLISH).errors());
        assertEquals(Map.of("from", "« hier » n’est pas une date : écrivez-la 2026-11-30."),
                StatisticsPeriod.of(Optional.of("hier"), Optional.empty(), TODAY, Locale.FRENCH).errors(), "in the studio's language");
    }
}
