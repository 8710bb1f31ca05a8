package dev.chapitre.chapters.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ChapterTimeTest {

    @Test
    void formatsAsHoursMinutesSecondsAndMilliseconds() {
        assertEquals("00:00:00.000", ChapterTime.format(0));
        assertEquals("00:00:02.005", ChapterTime.format(2_005));
        assertEquals("01:02:03.250", ChapterTime.format(3_723_250));
        assertEquals("100:00:59.999", ChapterTime.format(360_059_999));
    }
}
