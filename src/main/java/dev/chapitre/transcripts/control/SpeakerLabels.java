package dev.chapitre.transcripts.control;

import dev.chapitre.transcripts.entity.Cue;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Speakers written as labels at the start of a cue's text, {@code Marie: Bonjour} or
 * {@code [Marie]: Bonjour} (also with the French space before the colon). A label marks a change of
 * speaker: the name carries over to the following cues until the next label.
 *
 * <p>Prose has colons too ("Il a dit : non"), so labels are taken only when the file uses them as
 * labels: at least {@link #MIN_LABELLED} cues start with one, they are not outnumbered by cues that
 * start with lower-case words and a colon, and a name is 1–4 words, the first capitalised, the
 * others too unless they are particles ("Jean de La Fontaine", not "La question").
 */
final class SpeakerLabels {

    static final int MIN_LABELLED = 2;
    static final int MAX_NAME = 40;

    private static final String COLON = "[ \u00A0\u202F]?: ";
    private static final String NAME = "\\p{Lu}[\\p{L}\\p{M}\\d'’.\\-]*(?: [\\p{L}\\p{M}\\d'’.\\-]+){0,3}";
    private static final Pattern LABEL = Pattern.compile("^(?:\\[(" + NAME + ")\\]|(" + NAME + "))" + COLON + "(?=\\S)");
    private static final Pattern LOWER_CASE_LABEL = Pattern.compile("^\\p{Ll}[\\p{L}\\p{M}'’\\-]*(?: [\\p{L}\\p{M}'’\\-]+){0,3}" + COLON);
    private static final Set<String> PARTICLES = Set.of("de", "du", "des", "la", "le", "d'", "van", "von", "der", "den", "da",
            "di", "dos", "del", "y", "e", "ter", "ten", "bin", "al", "el", "st.", "mc");

    private SpeakerLabels() {
    }

    /** The cues with labels turned into speakers; cues that already have a speaker (a WebVTT voice) are left as they are. */
    static List<Cue> apply(List<Cue> cues) {
        int labelled = 0, lowerCase = 0;
        for (var cue : cues) {
            if (cue.speaker().isEmpty()) {
                labelled += label(cue.text()).isPresent() ? 1 : 0;
                lowerCase += LOWER_CASE_LABEL.matcher(cue.text()).lookingAt() ? 1 : 0;
            }
        }
        if (labelled < MIN_LABELLED || lowerCase > labelled) {
            return cues;
        }
        var result = new ArrayList<Cue>(cues.size());
        Optional<String> current = Optional.empty();
        for (var cue : cues) {
            if (cue.speaker().isPresent()) {
                result.add(cue);
                continue;
            }
            var found = label(cue.text());
            if (found.isPresent()) {
                current = Optional.of(found.get().name());
                result.add(new Cue(cue.startMs(), cue.endMs(), current, cue.text().substring(found.get().length())));
            } else {
                result.add(new Cue(cue.startMs(), cue.endMs(), current, cue.text()));
            }
        }
        return result;
    }

    /** Text that would be read as a label: a writer names the speaker before it, or the words would become one. */
    static boolean startsWithLabel(String text) {
        return label(text).isPresent();
    }

    private record Label(String name, int length) {
    }

    private static Optional<Label> label(String text) {
        var m = LABEL.matcher(text);
        if (!m.lookingAt()) {
            return Optional.empty();
        }
        var name = m.group(1) != null ? m.group(1) : m.group(2);
        if (name.length() > MAX_NAME || !wordsAreAName(name)) {
            return Optional.empty();
        }
        return Optional.of(new Label(name, m.end()));
    }

    private static boolean wordsAreAName(String name) {
        var words = name.split(" ");
        for (int i = 1; i < words.length; i++) {
            var word = words[i];
            if (!Character.isUpperCase(word.codePointAt(0)) && !Character.isDigit(word.codePointAt(0))
                    && !PARTICLES.contains(word.toLowerCase(Locale.ROOT))) {
                return false;
            }
        }
        return true;
    }
}
