package dev.chapitre.podcasts.boundary;

import dev.chapitre.platform.boundary.JsonInput;
import dev.chapitre.podcasts.entity.Person;
import dev.chapitre.podcasts.entity.PersonTaxonomy;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Credits in JSON ({@code [{"name","role","group","href","img"}]}), for shows and episodes alike. */
public final class PersonJson {

    private PersonJson() {
    }

    public static JsonArrayBuilder array(List<Person> persons) {
        var array = Json.createArrayBuilder();
        for (var p : persons) {
            var person = Json.createObjectBuilder().add("name", p.name()).add("role", p.role()).add("group", p.group());
            p.href().ifPresent(href -> person.add("href", href));
            p.img().ifPresent(img -> person.add("img", img));
            array.add(person);
        }
        return array;
    }

    /** The list under {@code field}; the role defaults to "host" and the group to the role's own. */
    public static List<Person> list(JsonInput input, String field) {
        var persons = new ArrayList<Person>();
        input.objects(field).ifPresent(list -> list.forEach(p -> persons.add(person(p))));
        return persons;
    }

    private static Person person(JsonInput p) {
        var role = p.string("role").orElse("host").strip();
        var group = p.string("group").map(String::strip)
                .orElseGet(() -> PersonTaxonomy.groupOf(role).orElse("cast"));
        return new Person(p.string("name").map(String::strip).orElse(null), role.toLowerCase(Locale.ROOT),
                group.toLowerCase(Locale.ROOT), p.string("href").orElse(null), p.string("img").orElse(null));
    }
}
