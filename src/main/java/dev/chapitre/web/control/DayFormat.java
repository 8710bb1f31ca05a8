package dev.chapitre.web.control;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * A day as the studio's language writes it ("2 déc. 2026", "Dec 2, 2026"): the pages reach it as
 * {@code ${days.of(day)}}; the ISO form stays in {@code datetime} attributes and in CSV files.
 */
public record DayFormat(Locale locale) {

    public String of(LocalDate day) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).format(day);
    }
}
