package dev.chapitre.transcripts.control;

import dev.chapitre.platform.control.JsonLimits;
import dev.chapitre.platform.entity.Message;
import dev.chapitre.transcripts.entity.Cue;
import jakarta.json.Json;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Podcasting 2.0 JSON transcript: {@code {"version":"1.0.0","segments":[{"speaker":"Marie",
 * "startTime":1.5,"endTime":2.0,"body":"Bonjour"}]}}, times in seconds kept to the millisecond.
 * Read as a stream so each segment keeps the line it starts on.
 */
final class TranscriptJson {

    static final String VERSION = "1.0.0";
    /** Json.createObjectBuilder() looks the provider up on every call: 4,000 segments took a second. */
    private static final JsonBuilderFactory BUILDERS = Json.createBuilderFactory(Map.of());

    private TranscriptJson() {
    }

    /** Seconds written as a string: "5025.125" is 8 characters; a long one costs quadratic time to read. */
    static final int MAX_NUMBER_LENGTH = 32;

    static ParsedTranscript read(String text) {
        var read = new ReadCues();
        var broken = JsonLimits.broken(text);
        if (broken.isPresent()) {
            read.fileProblem(Message.of("transcripts.json.beyondLimits", broken.get()));
            return read.result(TranscriptFormat.JSON);
        }
        boolean segments = false;
        try (var parser = Json.createParser(new StringReader(text))) {
            if (!parser.hasNext() || parser.next() != JsonParser.Event.START_OBJECT) {
                read.fileProblem(shape());
                return read.result(TranscriptFormat.JSON);
            }
            while (parser.hasNext()) {
                var event = parser.next();
                if (event == JsonParser.Event.KEY_NAME && parser.getString().equals("segments")) {
                    if (parser.next() != JsonParser.Event.START_ARRAY) {
                        read.fileProblem(Message.of("transcripts.json.segmentsNotArray", shape()));
                        parser.getValue();
                        continue;
                    }
                    segments = true;
                    readSegments(parser, read);
                } else if (event == JsonParser.Event.START_OBJECT || event == JsonParser.Event.START_ARRAY) {
                    // not skipObject/skipArray: on a body cut off inside what they skip, Parsson's loop forever
                    parser.getValue();
                }
            }
        } catch (JsonParsingException e) {
            var at = e.getLocation();
            read.fileProblem(Message.of("transcripts.json.malformedAt", at.getLineNumber(), at.getColumnNumber(),
                    String.valueOf(e.getMessage())));
            return read.result(TranscriptFormat.JSON);
        } catch (JsonException e) {
            read.fileProblem(Message.of("transcripts.json.malformed", String.valueOf(e.getMessage())));
            return read.result(TranscriptFormat.JSON);
        }
        if (!segments) {
            read.fileProblem(Message.of("transcripts.json.noSegments", shape()));
        }
        return read.result(TranscriptFormat.JSON);
    }

    private static Message shape() {
        return Message.of("transcripts.json.shape");
    }

    private static void readSegments(JsonParser parser, ReadCues read) {
        JsonParser.Event event;
        while ((event = parser.next()) != JsonParser.Event.END_ARRAY) {
            int line = (int) parser.getLocation().getLineNumber();
            if (event != JsonParser.Event.START_OBJECT) {
                parser.getValue();
                read.problem(line, "segment", Message.of("transcripts.json.segment.notObject"));
                continue;
            }
            segment(parser.getObject(), line, read);
        }
    }

    private static void segment(JsonObject segment, int line, ReadCues read) {
        var start = seconds(segment, "startTime", line, read);
        var end = seconds(segment, "endTime", line, read);
        var body = string(segment, "body", true, line, read);
        var speaker = string(segment, "speaker", false, line, read);
        if (start.isPresent() && end.isPresent() && body.isPresent()) {
            read.add(new Cue(start.get(), end.get(), speaker, body.get()), line);
        }
    }

    /** Seconds as a number, or as a string of one (some tools quote them); kept to the millisecond. */
    private static Optional<Long> seconds(JsonObject segment, String field, int line, ReadCues read) {
        var value = segment.get(field);
        try {
            if (value instanceof JsonNumber number) {
                return Optional.of(ms(number.bigDecimalValue()));
            }
            if (value instanceof JsonString string && string.getString().strip().length() <= MAX_NUMBER_LENGTH) {
                return Optional.of(ms(new BigDecimal(string.getString().strip())));
            }
        } catch (NumberFormatException | ArithmeticException e) {
            // reported below, as any value that is not a number of seconds
        }
        read.problem(line, field, value == null ? Message.of("transcripts.json.seconds.missing")
                : Message.of("transcripts.json.seconds.notNumber", ReadCues.abbreviated(value.toString())));
        return Optional.empty();
    }

    private static long ms(BigDecimal seconds) {
        // 1e999999999 and 1e-30000000 are short to write and ruinous to scale: no episode lasts 10^12
        // seconds, and what is under a tenth of a millisecond rounds to 0 ms whatever its digits
        int magnitude = seconds.precision() - seconds.scale();
        if (magnitude > 12) {
            throw new ArithmeticException("out of range");
        }
        if (magnitude < -4) {
            return 0;
        }
        return seconds.movePointRight(3).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    private static Optional<String> string(JsonObject segment, String field, boolean required, int line, ReadCues read) {
        var value = segment.get(field);
        if (value instanceof JsonString string) {
            return Optional.of(string.getString());
        }
        if (value == null || value == JsonValue.NULL) {
            if (required) {
                read.problem(line, field, Message.of("transcripts.json.missing"));
            }
            return Optional.empty();
        }
        read.problem(line, field, Message.of("transcripts.json.notString"));
        return Optional.empty();
    }

    static String write(List<Cue> cues) {
        var segments = BUILDERS.createArrayBuilder();
        for (var cue : cues) {
            var segment = BUILDERS.createObjectBuilder();
            cue.speaker().ifPresent(name -> segment.add("speaker", name));
            segments.add(segment.add("startTime", seconds(cue.startMs())).add("endTime", seconds(cue.endMs())).add("body", cue.text()));
        }
        return BUILDERS.createObjectBuilder().add("version", VERSION).add("segments", segments).build().toString();
    }

    /** 61500 ms → 61.5, 1 ms → 0.001, 12000 ms → 12 (never an exponent). */
    static BigDecimal seconds(long ms) {
        return ms % 1000 == 0 ? BigDecimal.valueOf(ms / 1000) : BigDecimal.valueOf(ms, 3).stripTrailingZeros();
    }
}
