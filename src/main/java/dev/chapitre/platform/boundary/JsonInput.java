package dev.chapitre.platform.boundary;

import dev.chapitre.platform.control.JsonLimits;
import dev.chapitre.platform.control.ProblemException;
import dev.chapitre.platform.entity.Message;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a client's JSON body and its fields with type checks, so that a wrong type becomes a
 * clear 400/422 instead of a cast failure deep inside.
 */
public final class JsonInput {

    private final JsonObject object;
    private final String where;

    private JsonInput(JsonObject object, String where) {
        this.object = object;
        this.where = where;
    }

    public static JsonInput parseObject(String body) {
        if (body == null || body.isBlank()) {
            throw ProblemException.badRequest("platform.json.empty");
        }
        JsonLimits.broken(body).ifPresent(reason -> {
            throw ProblemException.badRequest("platform.json.beyondLimits", reason);
        });
        try (var reader = Json.createReader(new StringReader(body))) {
            var value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw ProblemException.badRequest("platform.json.notObject", describe(value));
            }
            return new JsonInput(value.asJsonObject(), "");
        } catch (JsonParsingException e) {
            var location = e.getLocation();
            throw location == null ? ProblemException.badRequest("platform.json.invalid", e.getMessage())
                    : ProblemException.badRequest("platform.json.invalidAt", location.getLineNumber(), location.getColumnNumber(), e.getMessage());
        } catch (jakarta.json.JsonException | IllegalStateException | ArithmeticException e) {
            throw ProblemException.badRequest("platform.json.invalid", e.getMessage());
        }
    }

    public static JsonInput of(JsonObject object, String where) {
        return new JsonInput(object, where);
    }

    public JsonObject json() {
        return object;
    }

    public boolean has(String field) {
        return object.containsKey(field);
    }

    /** Absent and null are the same: "no value". */
    public Optional<String> string(String field) {
        var value = object.get(field);
        if (value == null || value == JsonValue.NULL) {
            return Optional.empty();
        }
        if (value instanceof JsonString text) {
            return Optional.of(text.getString());
        }
        throw wrongType(field, "string", value);
    }

    public Optional<Boolean> bool(String field) {
        var value = object.get(field);
        if (value == null || value == JsonValue.NULL) {
            return Optional.empty();
        }
        if (value == JsonValue.TRUE || value == JsonValue.FALSE) {
            return Optional.of(value == JsonValue.TRUE);
        }
        throw wrongType(field, "trueOrFalse", value);
    }

    public Optional<Integer> integer(String field) {
        var value = object.get(field);
        if (value == null || value == JsonValue.NULL) {
            return Optional.empty();
        }
        if (value instanceof JsonNumber number && number.isIntegral()) {
            try {
                return Optional.of(number.intValueExact());
            } catch (ArithmeticException e) {
                throw ProblemException.unprocessable("platform.json.outOfRange", path(field));
            }
        }
        throw wrongType(field, "integer", value);
    }

    public Optional<Double> number(String field) {
        var value = object.get(field);
        if (value == null || value == JsonValue.NULL) {
            return Optional.empty();
        }
        if (value instanceof JsonNumber number) {
            return Optional.of(number.doubleValue());
        }
        throw wrongType(field, "number", value);
    }

    public Optional<List<String>> strings(String field) {
        var value = object.get(field);
        if (value == null || value == JsonValue.NULL) {
            return Optional.empty();
        }
        if (!(value instanceof JsonArray array)) {
            throw wrongType(field, "strings", value);
        }
        var items = new ArrayList<String>();
        for (int i = 0; i < array.size(); i++) {
            if (!(array.get(i) instanceof JsonString text)) {
                throw ProblemException.unprocessable("platform.json.itemNotString", path(field), i, describe(array.get(i)));
            }
            items.add(text.getString());
        }
        return Optional.of(items);
    }

    public Optional<List<JsonInput>> objects(String field) {
        var value = object.get(field);
        if (value == null || value == JsonValue.NULL) {
            return Optional.empty();
        }
        if (!(value instanceof JsonArray array)) {
            throw wrongType(field, "array", value);
        }
        var items = new ArrayList<JsonInput>();
        for (int i = 0; i < array.size(); i++) {
            var item = array.get(i);
            if (item.getValueType() != JsonValue.ValueType.OBJECT) {
                throw ProblemException.unprocessable("platform.json.itemNotObject", path(field), i, describe(item));
            }
            items.add(new JsonInput(item.asJsonObject(), path(field) + "[" + i + "]."));
        }
        return Optional.of(items);
    }

    private String path(String field) {
        return where + field;
    }

    /** {@code expected}: the key of its words in the platform's bundle ({@code platform.json.type.boolean}). */
    private ProblemException wrongType(String field, String expected, JsonValue value) {
        return ProblemException.unprocessable("platform.json.wrongType", path(field), Message.of("platform.json.type." + expected), describe(value));
    }

    private static Message describe(JsonValue value) {
        return Message.of("platform.json.type." + switch (value.getValueType()) {
            case ARRAY -> "array";
            case OBJECT -> "object";
            case STRING -> "string";
            case NUMBER -> "number";
            case TRUE, FALSE -> "boolean";
            case NULL -> "null";
        });
    }
}
