package dev.chapitre.podcasts.entity;

import dev.chapitre.platform.entity.Violations;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.List;
import java.util.Optional;

/** A credit (podcast:person): who, in which role and group of the Podcasting 2.0 taxonomy. */
@Embeddable
public class Person {

    public static final int MAX_PER_LIST = 50;
    static final int MAX_NAME = 128;

    @Column(name = "name", nullable = false, length = 128)
    private String name;
    @Column(name = "role", nullable = false, length = 64)
    private String role;
    @Column(name = "grp", nullable = false, length = 64)
    private String group;
    @Column(name = "href", length = 2000)
    private String href;
    @Column(name = "img", length = 2000)
    private String img;

    protected Person() {
    }

    public Person(String name, String role, String group, String href, String img) {
        this.name = name;
        this.role = role;
        this.group = group;
        this.href = href;
        this.img = img;
    }

    /** Checks a list of credits, reporting each problem under {@code field[i].…}. */
    public static void check(String field, List<Person> persons, Violations violations) {
        if (persons == null) {
            return;
        }
        if (persons.size() > MAX_PER_LIST) {
            violations.add(field, "podcasts.persons.tooMany", MAX_PER_LIST);
        }
        for (int i = 0; i < persons.size(); i++) {
            persons.get(i).check(field + "[" + i + "].", violations);
        }
    }

    private void check(String at, Violations violations) {
        if (name == null || name.isBlank() || name.length() > MAX_NAME) {
            violations.add(at + "name", "podcasts.persons.name.length", MAX_NAME);
        }
        violations.xmlText(at + "name", name);
        if (PersonTaxonomy.groupOf(role).isEmpty()) {
            violations.add(at + "role", "podcasts.persons.role", String.valueOf(role));
        }
        if (!PersonTaxonomy.isGroup(group)) {
            violations.add(at + "group", "podcasts.persons.group", String.valueOf(group));
        }
        violations.webUrl(at + "href", href).webUrl(at + "img", img);
    }

    public String name() {
        return name;
    }

    public String role() {
        return role;
    }

    public String group() {
        return group;
    }

    public Optional<String> href() {
        return Optional.ofNullable(href);
    }

    public Optional<String> img() {
        return Optional.ofNullable(img);
    }
}
