package dev.chapitre.downloads.control;

import jakarta.json.JsonReaderFactory;
import java.util.Map;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * One line of the download log, the platform's contract with the web server (docs/operations.md):
 * a JSON object with {@code time} (ISO 8601 with offset), {@code addr}, {@code ua}, {@code range},
 * {@code status}, {@code bytes} (body bytes sent), {@code method} and {@code path}, as nginx's
 * {@code chapitre_downloads} log format writes it. An absent header is "".
 */
public record AccessLogLine(Instant time, String address, String userAgent, String range, int status, long bytes,
                            String method, String path) {

    /**
     * Made once: {@code Json.createReader} looks the JSON provider up through the service loader on
     * every call (it scans the class path), which was most of the CPU of reading a line.
     */
    private static final JsonReaderFactory READERS = Json.createReaderFactory(Map.of());

    /** The line, or empty when it is not JSON, lacks a field or has one of the wrong type. */
    public static Optional<AccessLogLine> parse(String line) {
        try (var reader = READERS.createReader(new StringReader(line))) {
            var json = reader.readObject();
            var address = text(json, "addr");
            if (address.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new AccessLogLine(OffsetDateTime.parse(text(json, "time")).toInstant(), address,
                    text(json, "ua"), text(json, "range"), (int) number(json, "status"), number(json, "bytes"),
                    text(json, "method"), text(json, "path")));
        } catch (JsonException | IllegalStateException | ArithmeticException | DateTimeParseException notTheContract) {
            return Optional.empty();
        }
    }

    private static String text(JsonObject json, String name) {
        var value = json.get(name);
        if (value == null || value.getValueType() != JsonValue.ValueType.STRING) {
            throw new IllegalStateException(name + " is not a string");
        }
        return ((JsonString) value).getString();
    }

    private static long number(JsonObject json, String name) {
        var value = json.get(name);
        if (value == null || value.getValueType() != JsonValue.ValueType.NUMBER) {
            throw new IllegalStateException(name + " is not a number");
        }
        return ((JsonNumber) value).longValueExact();
    }

    /**
     * The body bytes this answer sent the listener: a GET answered 200 or 206. HEAD, 304, 416 and
     * errors send no audio, whatever nginx counts.
     */
    public long audioBytesSent() {
        return method.equals("GET") && (status == 200 || status == 206) ? Math.max(0, bytes) : 0;
    }

    /**
     * The first byte sent: the start of a {@code bytes=N-…} range, the end of the file minus a
     * suffix range {@code bytes=-N}, 0 otherwise (a 200, or a range we cannot read: the stricter reading).
     */
    public long firstByte(long fileLength) {
        if (status != 206 || !range.startsWith("bytes=") || range.contains(",")) {
            return 0;
        }
        var spec = range.substring("bytes=".length()).strip();
        int dash = spec.indexOf('-');
        try {
            if (dash == 0) {
                return Math.max(0, fileLength - Long.parseLong(spec.substring(1).strip()));
            }
            return dash > 0 ? Long.parseLong(spec.substring(0, dash).strip()) : 0;
        } catch (NumberFormatException unreadable) {
            return 0;
        }
    }
}
