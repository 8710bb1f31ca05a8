package dev.chapitre.episodes.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Optional;

/** A credit (podcast:person): who, in which role and group of the Podcasting 2.0 taxonomy. */
@Embeddable
public class Person {

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
