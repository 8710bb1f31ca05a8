package dev.chapitre.downloads.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class StatsCsvTest {

    record Row(String title, Optional<Long> first7) {
    }

    @Test
    void daysWithTheirZerosInCrLfLines() {
        var days = new LinkedHashMap<LocalDate, Long>();
        days.put(LocalDate.of(2026, 11, 29), 0L);
        days.put(LocalDate.of(2026, 11, 30), 12L);
        assertEquals("\uFEFFdate,downloads\r\n2026-11-29,0\r\n2026-11-30,12\r\n", StatsCsv.days(days));
    }

    @Test
    void textIsQuotedWhereItMustAndNeverRunsAsAFormula() {
        var columns = new LinkedHashMap<String, Function<Row, Optional<?>>>();
        columns.put("title", row -> Optional.of(row.title()));
        columns.put("first_7_days", Row::first7);
        var csv = StatsCsv.table(List.of(new Row("Épique, « le retour »", Optional.of(5L)), new Row("Il a dit \"non\"", Optional.empty()),
                new Row("=HYPERLINK(\"http://x\")", Optional.of(0L)), new Row("-10 % de TVA", Optional.of(1L))), columns);
        assertEquals("\uFEFFtitle,first_7_days\r\n"
                + "\"Épique, « le retour »\",5\r\n"
                + "\"Il a dit \"\"non\"\"\",\r\n"
                + "\"'=HYPERLINK(\"\"http://x\"\")\",0\r\n"
                + "'-10 % de TVA,1\r\n", csv);
    }

    @Test
    void numbersAreWrittenAsTheyAreAndLineEndsInsideQuotes() {
        assertEquals("-3", StatsCsv.field(-3L), "a negative count is a number, not a formula");
        assertEquals("\"deux\nlignes\"", StatsCsv.field("deux\nlignes"));
    }
}
