package dev.chapitre.backups.control;

import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * A column's type in an archive: the few types the schema uses, each written the same way whichever
 * database it came from. JDBC's type codes differ between the two (pgjdbc reports {@code boolean} as
 * BIT and {@code bytea} as BINARY, H2 as BOOLEAN and VARBINARY), so both are recognised here; the
 * archive itself only ever names these.
 */
public enum ColumnType {
    BIGINT, INTEGER, BOOLEAN, TEXT, BYTES, DATE;

    public static Optional<ColumnType> ofJdbc(int code) {
        return Optional.ofNullable(switch (code) {
            case Types.BIGINT -> BIGINT;
            case Types.INTEGER, Types.SMALLINT, Types.TINYINT -> INTEGER;
            case Types.BOOLEAN, Types.BIT -> BOOLEAN;
            case Types.VARCHAR, Types.CHAR, Types.LONGVARCHAR, Types.NVARCHAR, Types.NCHAR, Types.CLOB -> TEXT;
            case Types.VARBINARY, Types.BINARY, Types.LONGVARBINARY, Types.BLOB -> BYTES;
            case Types.DATE -> DATE;
            default -> null;
        });
    }

    public static Optional<ColumnType> named(String name) {
        try {
            return Optional.of(valueOf(name.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public String archiveName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The value in column {@code index} of the current row, as the archive holds it. */
    public JsonValue read(ResultSet row, int index) throws SQLException {
        JsonValue value = switch (this) {
            case BIGINT -> Json.createValue(row.getLong(index));
            case INTEGER -> Json.createValue(row.getInt(index));
            case BOOLEAN -> row.getBoolean(index) ? JsonValue.TRUE : JsonValue.FALSE;
            case TEXT -> Optional.ofNullable(row.getString(index)).<JsonValue>map(Json::createValue).orElse(JsonValue.NULL);
            case BYTES -> Optional.ofNullable(row.getBytes(index))
                    .<JsonValue>map(bytes -> Json.createValue(Base64.getEncoder().encodeToString(bytes))).orElse(JsonValue.NULL);
            case DATE -> Optional.ofNullable(row.getObject(index, LocalDate.class))
                    .<JsonValue>map(day -> Json.createValue(day.toString())).orElse(JsonValue.NULL);
        };
        return row.wasNull() ? JsonValue.NULL : value;
    }

    /**
     * Why {@code value} cannot go into a column of this type, if it cannot: checked for the whole
     * archive before anything is written. {@code forPostgreSql}: PostgreSQL stores no U+0000 in text.
     */
    public Optional<String> refusal(JsonValue value, boolean forPostgreSql) {
        if (value.getValueType() == JsonValue.ValueType.NULL) {
            return Optional.empty();
        }
        try {
            switch (this) {
                case BIGINT -> ((JsonNumber) value).longValueExact();
                case INTEGER -> ((JsonNumber) value).intValueExact();
                case BOOLEAN -> {
                    if (value != JsonValue.TRUE && value != JsonValue.FALSE) {
                        return Optional.of("not true or false");
                    }
                }
                case TEXT -> {
                    if (forPostgreSql && ((JsonString) value).getString().indexOf('\u0000') >= 0) {
                        return Optional.of("text with the character U+0000, which PostgreSQL cannot store");
                    }
                }
                case BYTES -> Base64.getDecoder().decode(((JsonString) value).getString());
                case DATE -> LocalDate.parse(((JsonString) value).getString());
            }
            return Optional.empty();
        } catch (ClassCastException e) {
            return Optional.of("a " + value.getValueType().name().toLowerCase(Locale.ROOT) + " where a " + archiveName() + " belongs");
        } catch (ArithmeticException | IllegalArgumentException | DateTimeParseException e) {
            return Optional.of("not a valid " + archiveName() + " (" + value + ")");
        }
    }

    /** Sets parameter {@code index} to {@code value}, which {@link #refusal} accepted; {@code jdbcType} is the target column's. */
    public void bind(PreparedStatement insert, int index, JsonValue value, int jdbcType) throws SQLException {
        if (value.getValueType() == JsonValue.ValueType.NULL) {
            insert.setNull(index, jdbcType);
            return;
        }
        switch (this) {
            case BIGINT -> insert.setLong(index, ((JsonNumber) value).longValueExact());
            case INTEGER -> insert.setInt(index, ((JsonNumber) value).intValueExact());
            case BOOLEAN -> insert.setBoolean(index, value == JsonValue.TRUE);
            case TEXT -> insert.setString(index, ((JsonString) value).getString());
            case BYTES -> insert.setBytes(index, Base64.getDecoder().decode(((JsonString) value).getString()));
            case DATE -> insert.setObject(index, LocalDate.parse(((JsonString) value).getString()));
        }
    }
}
