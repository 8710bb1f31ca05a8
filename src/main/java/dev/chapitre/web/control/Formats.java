package dev.chapitre.web.control;

import dev.chapitre.chapters.entity.ChapterTime;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.ResourceBundle;

/** Dates, durations, chapter times and averages as a reader of {@code locale} writes them. */
public final class Formats {

    public static final String BUNDLE = "dev.chapitre.web.messages";

    private final Locale locale;
    private final ResourceBundle messages;

    public Formats(Locale locale) {
        this.locale = locale;
        this.messages = ResourceBundle.getBundle(BUNDLE, locale);
    }

    public String date(Instant instant) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).withZone(ZoneOffset.UTC).format(instant);
    }

    /** "1 h 02 min", "34 min", "45 s": how long an episode is, in words of the locale. */
    public String duration(long ms) {
        long seconds = Math.round(ms / 1000.0);
        if (seconds < 60) {
            return messages.getString("duration.seconds").formatted(seconds);
        }
        long minutes = Math.round(seconds / 60.0);
        return minutes < 60
                ? messages.getString("duration.minutes").formatted(minutes)
                : messages.getString("duration.hours").formatted(minutes / 60, minutes % 60);
    }

    /** A chapter's start as players show it: "4:05" or "1:02:03". */
    public static String clock(long ms) {
        return ChapterTime.clock(ms);
    }

    public String average(double average) {
        var format = NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(1);
        format.setMaximumFractionDigits(1);
        return format.format(average);
    }

    /** ISO 8601 duration for schema.org (PT1H2M3S). */
    public static String isoDuration(long ms) {
        return java.time.Duration.ofSeconds(Math.round(ms / 1000.0)).toString();
    }
}
