package dev.chapitre.feeds.control.podcastindex.types;

import java.io.Serializable;
import java.util.Objects;

/**
 * One {@code podcast:person}: a name, with a role and group from the Podcasting 2.0 taxonomy
 * (defaults "host" and "cast"), and optional {@code href} and {@code img} URLs. A JavaBean,
 * because Rome copies and compares modules by reflection.
 */
public class PodcastPerson implements Cloneable, Serializable {

    private static final long serialVersionUID = 1L;

    private String name;
    private String role;
    private String group;
    private String href;
    private String img;

    public PodcastPerson() {
    }

    public PodcastPerson(String name, String role, String group, String href, String img) {
        this.name = name;
        this.role = role;
        this.group = group;
        this.href = href;
        this.img = img;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getRole() {
        return role;
    }

    public void setRole(String role) {
        this.role = role;
    }

    public String getGroup() {
        return group;
    }

    public void setGroup(String group) {
        this.group = group;
    }

    public String getHref() {
        return href;
    }

    public void setHref(String href) {
        this.href = href;
    }

    public String getImg() {
        return img;
    }

    public void setImg(String img) {
        this.img = img;
    }

    @Override
    public PodcastPerson clone() {
        try {
            return (PodcastPerson) super.clone();
        } catch (CloneNotSupportedException e) {
            throw new AssertionError("PodcastPerson is Cloneable", e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PodcastPerson p && Objects.equals(name, p.name) && Objects.equals(role, p.role)
                && Objects.equals(group, p.group) && Objects.equals(href, p.href) && Objects.equals(img, p.img);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, role, group, href, img);
    }

    @Override
    public String toString() {
        return "PodcastPerson[" + name + ", " + role + "/" + group + ", href=" + href + ", img=" + img + "]";
    }
}
