package dev.chapitre.web.control;

import dev.chapitre.platform.control.HtmlText;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Downloads per day as an SVG bar chart, drawn on the server: the statistics page reads without
 * JavaScript, and the chart is as light as its numbers (one rectangle per day, no library). Each
 * bar carries its date and count as a tooltip; the page lists the same numbers in a table.
 */
public final class DownloadChart {

    static final int WIDTH = 720;
    static final int HEIGHT = 240;
    private static final int LEFT = 48;
    private static final int RIGHT = 8;
    private static final int TOP = 10;
    private static final int BOTTOM = 26;
    private static final int X_LABELS = 7; // a week gets a date under every day
    private static final String LABEL = "d MMM";

    private DownloadChart() {
    }

    /**
     * The chart of {@code perDay} (in order, zeros included), described for screen readers by
     * {@code label}; the days and each bar's title in the studio's {@code locale}.
     */
    public static String svg(Map<LocalDate, Long> perDay, String label, Locale locale) {
        var dayLabel = DateTimeFormatter.ofPattern(LABEL, locale);
        var written = new DayFormat(locale);
        var days = new ArrayList<>(perDay.keySet());
        long top = niceCeiling(perDay.values().stream().mapToLong(Long::longValue).max().orElse(0));
        double plotWidth = WIDTH - LEFT - RIGHT;
        double plotHeight = HEIGHT - TOP - BOTTOM;
        var svg = new StringBuilder(256 + days.size() * 120);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"download-chart\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" role=\"img\" aria-label=\"");
        HtmlText.append(svg, label).append("\">");
        for (int i = 0; i <= 4; i++) { // gridlines at quarters of a round top
            long value = top * i / 4;
            double y = TOP + plotHeight - plotHeight * i / 4;
            svg.append("<line class=\"grid\" x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT).append("\" y1=\"").append(fixed(y))
                    .append("\" y2=\"").append(fixed(y)).append("\"/>");
            svg.append("<text class=\"y\" x=\"").append(LEFT - 6).append("\" y=\"").append(fixed(y + 4)).append("\" text-anchor=\"end\">")
                    .append(NumberFormat.getIntegerInstance(locale).format(value)).append("</text>");
        }
        double slot = days.isEmpty() ? plotWidth : plotWidth / days.size();
        double bar = Math.max(1, slot * 0.8);
        for (int i = 0; i < days.size(); i++) {
            var day = days.get(i);
            long downloads = perDay.get(day);
            double height = top == 0 ? 0 : plotHeight * downloads / top;
            svg.append("<rect x=\"").append(fixed(LEFT + i * slot + (slot - bar) / 2)).append("\" y=\"").append(fixed(TOP + plotHeight - height))
                    .append("\" width=\"").append(fixed(bar)).append("\" height=\"").append(fixed(height)).append("\"><title>")
                    .append(StudioMessages.text(locale, "stats.bar", written.of(day), downloads)).append("</title></rect>");
        }
        for (int i : labelled(days.size())) {
            svg.append("<text class=\"x\" x=\"").append(fixed(LEFT + i * slot + slot / 2)).append("\" y=\"").append(HEIGHT - 8)
                    .append("\" text-anchor=\"middle\">").append(dayLabel.format(days.get(i))).append("</text>");
        }
        return svg.append("</svg>").toString();
    }

    /** The smallest of 1, 2, 5 × 10ⁿ at or above {@code max}, so that the gridlines read as round numbers (4 at least). */
    static long niceCeiling(long max) {
        if (max <= 4) {
            return 4;
        }
        for (long scale = 1; ; scale *= 10) {
            for (long step : new long[] {1, 2, 5}) {
                if (step * scale * 4 >= max) {
                    return step * scale * 4;
                }
            }
        }
    }

    /** The days that get a date under them: the first, the last and a few evenly between. */
    static List<Integer> labelled(int days) {
        var indexes = new ArrayList<Integer>();
        if (days == 0) {
            return indexes;
        }
        int every = Math.max(1, (int) Math.ceil(days / (double) X_LABELS));
        for (int i = 0; i < days; i += every) {
            indexes.add(i);
        }
        if (indexes.get(indexes.size() - 1) != days - 1 && days - 1 - indexes.get(indexes.size() - 1) >= every / 2) {
            indexes.add(days - 1);
        }
        return indexes;
    }

    private static String fixed(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
