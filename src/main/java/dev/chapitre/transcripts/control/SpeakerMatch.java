package dev.chapitre.transcripts.control;

import dev.chapitre.podcasts.entity.Person;
import java.text.Normalizer;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Which credited person ({@code podcast:person}) each speaker of a transcript is. Transcription
 * tools label speakers as the producer typed them: the full name, or the first name alone. A
 * speaker is matched when the names agree (case, accents and spacing aside), or when it is the
 * first name of exactly one person; otherwise it stays a label.
 */
public final class SpeakerMatch {

    private SpeakerMatch() {
    }

    /** Each speaker that names one of {@code persons} (the episode's credits first, then the show's). */
    public static Map<String, Person> of(Collection<String> speakers, List<Person> persons) {
        var matched = new LinkedHashMap<String, Person>();
        for (var speaker : speakers) {
            personNamed(speaker, persons).ifPresent(person -> matched.put(speaker, person));
        }
        return matched;
    }

    static Optional<Person> personNamed(String speaker, List<Person> persons) {
        var wanted = normalized(speaker);
        var byFullName = persons.stream().filter(p -> normalized(p.name()).equals(wanted)).findFirst();
        if (byFullName.isPresent()) {
            return byFullName;
        }
        var byFirstName = persons.stream().filter(p -> firstWord(normalized(p.name())).equals(wanted))
                .map(Person::name).distinct().toList();
        return byFirstName.size() == 1
                ? persons.stream().filter(p -> p.name().equals(byFirstName.get(0))).findFirst()
                : Optional.empty();
    }

    /** "  Élodie   Durand " and "elodie durand" are one name. */
    static String normalized(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT).strip().replaceAll("\\s+", " ");
    }

    private static String firstWord(String name) {
        int space = name.indexOf(' ');
        return space < 0 ? name : name.substring(0, space);
    }
}
