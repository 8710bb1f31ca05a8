package dev.chapitre.web.control;

import dev.chapitre.downloads.boundary.DownloadStats;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The days the statistics page shows (UTC, inclusive): the last 30 unless the producer chose
 * others. A date that does not read, or a range that runs backwards or over three years, is said
 * next to its field and the page shows the default days meanwhile, never an error page.
 */
public record StatisticsPeriod(LocalDate from, LocalDate to, Map<String, String> errors) {

    static final int DEFAULT_DAYS = 30;
    static final int MAX_DAYS = 3 * 366;
    static final LocalDate EARLIEST = DownloadStats.FIRST_DAY;

    public static StatisticsPeriod of(Optional<String> from, Optional<String> to, LocalDate today) {
        var errors = new LinkedHashMap<String, String>();
        var end = date("to", to, today, errors).orElse(today);
        var start = date("from", from, today, errors).orElse(end.minusDays(DEFAULT_DAYS - 1));
        if (start.isAfter(end)) {
            errors.put("from", "The first day (" + start + ") is after the last (" + end + ").");
        } else if (ChronoUnit.DAYS.between(start, end) >= MAX_DAYS) {
            errors.put("from", "Choose at most three years at a time (the CSV export has every day).");
        }
        if (!errors.isEmpty()) {
            return new StatisticsPeriod(today.minusDays(DEFAULT_DAYS - 1), today, Map.copyOf(errors));
        }
        return new StatisticsPeriod(start, end, Map.of());
    }

    private static Optional<LocalDate> date(String field, Optional<String> value, LocalDate today, Map<String, String> errors) {
        var text = value.map(String::strip).filter(v -> !v.isEmpty());
        Optional<LocalDate> date;
        try {
            date = text.map(LocalDate::parse);
        } catch (DateTimeParseException unreadable) {
            errors.put(field, "“" + text.orElseThrow() + "” is not a date: write it as 2026-11-30.");
            return Optional.empty();
        }
        if (date.isPresent() && (date.get().isBefore(EARLIEST) || date.get().isAfter(today))) {
            errors.put(field, "Choose a day from " + EARLIEST + " to today (" + today + ").");
            return Optional.empty();
        }
        return date;
    }

    /** How many days the page shows. */
    public long days() {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }
}
