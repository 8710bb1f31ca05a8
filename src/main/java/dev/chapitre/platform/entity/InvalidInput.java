package dev.chapitre.platform.entity;

import java.util.List;
import java.util.Locale;

/**
 * Input that breaks the rules of an entity or value, with every broken rule. Entities throw it
 * knowing nothing of HTTP; the API answers it once as a 422 problem (InvalidInputMapper) and the
 * HTML forms re-render with each reason next to its field. Declared an application exception in
 * ejb-jar.xml, so a facade rolls back and passes it through unwrapped.
 */
public class InvalidInput extends RuntimeException {

    private final Message summary;
    private final List<Violation> violations;

    public InvalidInput(Message summary, List<Violation> violations) {
        super(detail(summary, violations).toString());
        this.summary = summary;
        this.violations = List.copyOf(violations);
    }

    /** What could not be done, e.g. "The show is not valid". */
    public Message summary() {
        return summary;
    }

    /** "The show is not valid: title is required; …" in {@code locale}'s language. */
    public String detail(Locale locale) {
        return detail().in(locale);
    }

    /** {@link #detail(Locale)} as a message, for what is said later (an import's report) in its reader's language. */
    public Message detail() {
        return detail(summary, violations);
    }

    /** Each broken rule in words ("title is required"), as a message. */
    public List<Message> descriptions() {
        return descriptions(summary, violations);
    }

    private static Message detail(Message summary, List<Violation> violations) {
        return Message.of("platform.invalid", summary, Message.joined(descriptions(summary, violations)));
    }

    /** The fields are named by the words of the feature that refused the input, its summary's. */
    private static List<Message> descriptions(Message summary, List<Violation> violations) {
        var feature = Violation.feature(summary);
        return violations.stream().map(v -> v.description(feature)).toList();
    }

    public List<Violation> violations() {
        return violations;
    }

    /**
     * The same violations, each item on the line of the text input it was read from: only the
     * boundary that read the text knows the lines, the rules know only the items.
     */
    public InvalidInput onLines(List<Integer> lines) {
        return new InvalidInput(summary, violations.stream().map(v -> v.onLines(lines)).toList());
    }
}
