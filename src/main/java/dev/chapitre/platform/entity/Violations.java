package dev.chapitre.platform.entity;

import dev.chapitre.platform.control.WebUrls;
import dev.chapitre.platform.control.XmlText;
import java.util.ArrayList;
import java.util.List;

/** Collects every rule a client's input breaks, so the answer lists them all at once. */
public final class Violations {

    private final List<Violation> found = new ArrayList<>();

    public Violations add(String field, Message reason) {
        return add(new Violation(field, reason));
    }

    /** A broken rule worded by the key {@code reason} with its arguments. */
    public Violations add(String field, String reason, Object... arguments) {
        return add(new Violation(field, Message.of(reason, arguments)));
    }

    public Violations add(Violation violation) {
        found.add(violation);
        return this;
    }

    /** A required text of at most {@code max} characters that a feed can carry. */
    public Violations requireText(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            add(field, "platform.required");
        } else {
            limitText(field, value, max);
        }
        return this;
    }

    /**
     * An optional text of at most {@code max} characters (UTF-16 units, as the database counts
     * them: an emoji is two) that a feed can carry.
     */
    public Violations limitText(String field, String value, int max) {
        if (value != null && value.length() > max) {
            add(field, "platform.tooLong", max);
        }
        return xmlText(field, value);
    }

    /** Any text from a producer or listener ends up in a feed or a page: XML 1.0 must be able to carry it. */
    public Violations xmlText(String field, String value) {
        XmlText.rule(value).ifPresent(rule -> add(field, rule));
        return this;
    }

    /** An optional link that podcast apps and browsers can follow. */
    public Violations webUrl(String field, String value) {
        if (value != null && !WebUrls.isAbsoluteHttp(value)) {
            add(field, WebUrls.RULE);
        }
        return this;
    }

    public boolean isEmpty() {
        return found.isEmpty();
    }

    public List<Violation> list() {
        return List.copyOf(found);
    }

    /** Nothing may be saved when a rule is broken: the caller learns all of them at once, after the key {@code summary}'s words. */
    public void throwIfAny(String summary) {
        throwIfAny(Message.of(summary));
    }

    /** Nothing may be saved when a rule is broken: the caller learns all of them at once. */
    public void throwIfAny(Message summary) {
        if (!found.isEmpty()) {
            throw new InvalidInput(summary, found);
        }
    }
}
