package dev.chapitre.web.control;

import dev.chapitre.downloads.boundary.DownloadStats;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Locale;
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

    /** The messages in the studio's {@code locale}. */
    public static StatisticsPeriod of(Optional<String> from, Optional<String> to, LocalDate today, Locale locale) {
        var errors = new LinkedHashMap<String, String>();
        var end = date("to", to, today, errors, locale).orElse(today);
        var start = date("from", from, today, errors, locale).orElse(end.minusDays(DEFAULT_DAYS - 1));
        if (start.isAfter(end)) {
            errors.put("from", StudioMessages.text(locale, "period.backwards", start.toString(), end.toString()));
        } else if (ChronoUnit.DAYS.between(start, end) >= MAX_DAYS) {
            errors.put("from", StudioMessages.text(locale, "period.tooLong"));
        }
        if (!errors.isEmpty()) {
            return new StatisticsPeriod(today.minusDays(DEFAULT_DAYS - 1), today, Map.copyOf(errors));
        }
        return new StatisticsPeriod(start, end, Map.of());
    }

    private static Optional<LocalDate> date(String field, Optional<String> value, LocalDate today, Map<String, String> errors,
                                            Locale locale) {
        var text = value.map(String::strip).filter(v -> !v.isEmpty());
        Optional<LocalDate> date;
        try {
            date = text.map(LocalDate::parse);
        } catch (DateTimeParseException unreadable) {
            errors.put(field, StudioMessages.text(locale, "period.notADate", text.orElseThrow()));
            return Optional.empty();
        }
        if (date.isPresent() && (date.get().isBefore(EARLIEST) || date.get().isAfter(today))) {
            errors.put(field, StudioMessages.text(locale, "period.outside", EARLIEST.toString(), today.toString()));
            return Optional.empty();
        }
        return date;
    }

    /** How many days the page shows. */
    public long days() {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }
}
