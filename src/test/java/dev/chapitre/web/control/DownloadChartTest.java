package dev.chapitre.web.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class DownloadChartTest {

    @Test
    void oneBarPerDayAsTallAsItsShareOfARoundTop() throws Exception {
        var perDay = new LinkedHashMap<LocalDate, Long>();
        var first = LocalDate.of(2026, 11, 1);
        for (int i = 0; i < 30; i++) {
            perDay.put(first.plusDays(i), i == 10 ? 37L : i % 3);
        }
        var svg = DownloadChart.svg(perDay, "Downloads <per> day", Locale.ENGLISH);

        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        var document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        assertEquals("Downloads <per> day", document.getDocumentElement().getAttribute("aria-label"), "well-formed, the label escaped");
        var bars = document.getElementsByTagName("rect");
        assertEquals(30, bars.getLength());
        var tallest = (Element) bars.item(10);
        assertEquals("Nov 11, 2026: 37 downloads", tallest.getTextContent());
        double plot = DownloadChart.HEIGHT - 10 - 26;
        assertEquals(plot * 37 / 40, Double.parseDouble(tallest.getAttribute("height")), 0.1, "37 of a top of 40");
        assertEquals("Nov 2, 2026: 1 download", bars.item(1).getTextContent());
        assertEquals(0.0, Double.parseDouble(((Element) bars.item(0)).getAttribute("height")), "a day without downloads is an empty slot");
        assertTrue(svg.contains(">40</text>") && svg.contains(">20</text>"), "gridlines at round numbers: " + svg);
    }

    @Test
    void roundTopsAndDateLabels() {
        assertEquals(4, DownloadChart.niceCeiling(0));
        assertEquals(8, DownloadChart.niceCeiling(5));
        assertEquals(40, DownloadChart.niceCeiling(37));
        assertEquals(200, DownloadChart.niceCeiling(101));
        assertEquals(4_000, DownloadChart.niceCeiling(3_999));
        assertEquals(List.of(), DownloadChart.labelled(0));
        assertEquals(List.of(0), DownloadChart.labelled(1));
        assertEquals(List.of(0, 5, 10, 15, 20, 25, 29), DownloadChart.labelled(30));
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6), DownloadChart.labelled(7));
    }

    @Test
    void inFrenchTheDaysAndTheBarsAreWrittenTheFrenchWay() {
        var perDay = new LinkedHashMap<LocalDate, Long>();
        perDay.put(LocalDate.of(2026, 11, 30), 0L);
        perDay.put(LocalDate.of(2026, 12, 1), 1L);
        perDay.put(LocalDate.of(2026, 12, 2), 1_234L);
        var svg = DownloadChart.svg(perDay, "Téléchargements", Locale.FRENCH);
        assertTrue(svg.contains("<title>30 nov. 2026 : 0 téléchargement</title>"), svg);
        assertTrue(svg.contains("<title>1 déc. 2026 : 1 téléchargement</title>"), svg);
        assertTrue(svg.contains("2 déc. 2026 : 1\u202f234 téléchargements</title>") || svg.contains("2 déc. 2026 : 1\u00a0234 téléchargements</title>"), svg);
        assertTrue(svg.contains(">2 déc.</text>"), "the axis: " + svg);
    }

    @Test
    void aPeriodWithoutDownloadsDrawsAnEmptyChart() {
        var svg = DownloadChart.svg(new LinkedHashMap<>(), "Nothing", Locale.ENGLISH);
        assertTrue(svg.startsWith("<svg") && svg.endsWith("</svg>") && !svg.contains("<rect"), svg);
    }
}
