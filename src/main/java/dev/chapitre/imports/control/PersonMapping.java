package dev.chapitre.imports.control;

import dev.chapitre.feeds.control.SourceFeed;
import dev.chapitre.platform.entity.Message;
import dev.chapitre.platform.entity.Violations;
import dev.chapitre.podcasts.entity.Person;
import dev.chapitre.podcasts.entity.PersonTaxonomy;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A feed's {@code podcast:person}s, each kept if it obeys the credit rules, reported if not. */
final class PersonMapping {

    private PersonMapping() {
    }

    static List<Person> persons(List<SourceFeed.Person> source, List<Message> attention) {
        var kept = new ArrayList<Person>();
        for (var person : source) {
            var role = person.role() == null || person.role().isBlank() ? "host" : person.role().strip().toLowerCase(Locale.ROOT);
            var group = person.group() == null || person.group().isBlank() ? PersonTaxonomy.groupOf(role).orElse("cast")
                    : person.group().strip().toLowerCase(Locale.ROOT);
            var candidate = new Person(Mapped.clean(person.name()), role, group, person.href().orElse(null), person.img().orElse(null));
            var violations = new Violations();
            Person.check("person", List.of(candidate), violations);
            if (!violations.isEmpty()) {
                attention.add(Message.of("imports.person.notKept", person.name(), violations.list().get(0).reason()));
            } else if (kept.size() == Person.MAX_PER_LIST) {
                attention.add(Message.of("imports.person.tooMany", person.name(), Person.MAX_PER_LIST));
            } else {
                kept.add(candidate);
            }
        }
        return kept;
    }
}
