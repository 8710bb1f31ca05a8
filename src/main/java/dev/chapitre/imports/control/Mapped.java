package dev.chapitre.imports.control;

import dev.chapitre.platform.control.XmlText;
import dev.chapitre.platform.entity.Message;
import dev.chapitre.platform.entity.Violation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Fields read from another host, and what did not come over as it was (for the report). An import
 * keeps what Chapitre's rules accept and says what it left out; it never fails a whole show for
 * one field. The notes are messages, worded when the report is read.
 */
public record Mapped<T>(T fields, List<Message> attention) {

    /** {@code record} with the named components set to null (every component is an optional reference). */
    static <R extends Record> R without(R record, Set<String> components) {
        var parts = record.getClass().getRecordComponents();
        var values = new Object[parts.length];
        try {
            for (int i = 0; i < parts.length; i++) {
                values[i] = components.contains(parts[i].getName()) ? null : parts[i].getAccessor().invoke(record);
            }
            var types = Arrays.stream(parts).map(RecordComponent::getType).toArray(Class<?>[]::new);
            @SuppressWarnings("unchecked")
            var copy = (R) record.getClass().getDeclaredConstructor(types).newInstance(values);
            return copy;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot copy " + record.getClass().getSimpleName(), e instanceof InvocationTargetException i ? i.getCause() : e);
        }
    }

    /** The field a violation names: "persons[2].name" → "persons". */
    static String topField(Violation violation) {
        return violation.field().split("[\\[.]", 2)[0];
    }

    /** Text without the characters a feed cannot carry (control characters from a foreign feed), trimmed. */
    static String clean(String text) {
        if (text == null) {
            return null;
        }
        var kept = new StringBuilder(text.length());
        text.codePoints().filter(XmlText::isAllowed).forEach(kept::appendCodePoint);
        var stripped = kept.toString().strip();
        return stripped.isEmpty() ? null : stripped;
    }

    /** At most {@code max} UTF-16 units, cut at a code point with an ellipsis. */
    static String cut(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        int end = max - 1;
        if (Character.isLowSurrogate(text.charAt(end))) {
            end--;
        }
        return text.substring(0, end) + "…";
    }
}
