package dev.chapitre.downloads.control;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Statistics as CSV (RFC 4180) for spreadsheets: a header row, CRLF line ends, fields quoted when
 * they hold a comma, a quote or a line end, and text that a spreadsheet would run as a formula
 * (=, +, -, @ first) written with a leading apostrophe: an episode's title comes from its producer,
 * but a show's CSV is opened by everyone on its team. A UTF-8 byte order mark comes first: without it
 * Excel reads the file as Windows-1252, and "Épique" arrives as "Ã‰pique".
 */
public final class StatsCsv {

    public static final String MEDIA_TYPE = "text/csv; charset=utf-8";
    static final String BOM = "\uFEFF";

    private StatsCsv() {
    }

    /** One row per day, zeros included: {@code date,downloads}. */
    public static String days(Map<LocalDate, Long> perDay) {
        var csv = new StringBuilder(BOM + "date,downloads\r\n");
        perDay.forEach((day, downloads) -> csv.append(day).append(',').append(downloads).append("\r\n"));
        return csv.toString();
    }

    /** Rows of any records, by the columns' names and how each reads its value off a row. */
    public static <T> String table(List<T> rows, Map<String, Function<T, Optional<?>>> columns) {
        var csv = new StringBuilder(BOM).append(String.join(",", columns.keySet())).append("\r\n");
        for (var row : rows) {
            csv.append(String.join(",", columns.values().stream().map(column -> column.apply(row).map(StatsCsv::field).orElse("")).toList()))
                    .append("\r\n");
        }
        return csv.toString();
    }

    static String field(Object value) {
        if (value instanceof Number) {
            return value.toString();
        }
        var text = value.toString();
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        return text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")
                ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
