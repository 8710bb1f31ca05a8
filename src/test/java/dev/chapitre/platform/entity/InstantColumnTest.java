package dev.chapitre.platform.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class InstantColumnTest {

    private final InstantColumn column = new InstantColumn();

    @Test
    void storesMicrosecondsThatReadBackExactlyAndSortLikeTime() {
        var instant = Instant.parse("2026-11-23T10:15:30.123456Z");
        assertEquals(1_795_428_930_123_456L, column.convertToDatabaseColumn(instant));
        assertEquals(instant, column.convertToEntityAttribute(column.convertToDatabaseColumn(instant)));
        var before = Instant.parse("1969-12-31T23:59:59.999999Z");
        assertEquals(before, column.convertToEntityAttribute(column.convertToDatabaseColumn(before)));
        assertTrue(column.convertToDatabaseColumn(before) < column.convertToDatabaseColumn(Instant.EPOCH));
        assertNull(column.convertToDatabaseColumn(null));
        assertNull(column.convertToEntityAttribute(null));
    }
}
