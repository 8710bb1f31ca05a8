package dev.chapitre.platform.boundary;

import jakarta.json.JsonObjectBuilder;

/** Writing optional values: an absent value is written as JSON null, so clients see every field. */
public final class JsonOutput {

    private JsonOutput() {
    }

    public static JsonObjectBuilder put(JsonObjectBuilder json, String name, String value) {
        return value == null ? json.addNull(name) : json.add(name, value);
    }

    public static JsonObjectBuilder put(JsonObjectBuilder json, String name, Integer value) {
        return value == null ? json.addNull(name) : json.add(name, value);
    }

    public static JsonObjectBuilder put(JsonObjectBuilder json, String name, Boolean value) {
        return value == null ? json.addNull(name) : json.add(name, value);
    }
}
