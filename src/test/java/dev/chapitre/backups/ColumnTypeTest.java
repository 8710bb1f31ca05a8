package dev.chapitre.backups;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chapitre.backups.control.ColumnType;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.sql.Types;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ColumnTypeTest {

    @Test
    void bothDatabasesTypeCodesMeanTheSameArchiveType() {
        assertEquals(Optional.of(ColumnType.BOOLEAN), ColumnType.ofJdbc(Types.BIT), "pgjdbc's boolean");
        assertEquals(Optional.of(ColumnType.BOOLEAN), ColumnType.ofJdbc(Types.BOOLEAN), "H2's boolean");
        assertEquals(Optional.of(ColumnType.BYTES), ColumnType.ofJdbc(Types.BINARY), "pgjdbc's bytea");
        assertEquals(Optional.of(ColumnType.BYTES), ColumnType.ofJdbc(Types.VARBINARY), "H2's binary varying");
        assertEquals(Optional.empty(), ColumnType.ofJdbc(Types.TIMESTAMP_WITH_TIMEZONE), "a type the schema does not use");
    }

    @Test
    void valuesThatDoNotFitTheirColumnAreFoundBeforeAnythingIsWritten() {
        assertEquals(Optional.empty(), ColumnType.BIGINT.refusal(Json.createValue(1_764_511_385_123_456L), false), "microseconds");
        assertEquals(Optional.empty(), ColumnType.TEXT.refusal(JsonValue.NULL, true));
        assertEquals(Optional.empty(), ColumnType.TEXT.refusal(Json.createValue("Épique ’«»🎙️"), true));
        assertTrue(ColumnType.INTEGER.refusal(Json.createValue(3_000_000_000L), false).orElseThrow().contains("not a valid integer"));
        assertTrue(ColumnType.BIGINT.refusal(Json.createValue(1.5), false).isPresent());
        assertTrue(ColumnType.BIGINT.refusal(Json.createValue("12"), false).orElseThrow().contains("a string where a bigint belongs"));
        assertTrue(ColumnType.BOOLEAN.refusal(Json.createValue(1), false).isPresent());
        assertTrue(ColumnType.DATE.refusal(Json.createValue("2026-02-30"), false).isPresent());
        assertTrue(ColumnType.BYTES.refusal(Json.createValue("not base64!"), false).isPresent());
        assertTrue(ColumnType.TEXT.refusal(Json.createValue("a\u0000b"), true).orElseThrow().contains("PostgreSQL cannot store"));
        assertEquals(Optional.empty(), ColumnType.TEXT.refusal(Json.createValue("a\u0000b"), false), "H2 stores it");
    }
}
