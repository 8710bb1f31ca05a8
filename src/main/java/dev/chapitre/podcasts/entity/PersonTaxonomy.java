package dev.chapitre.podcasts.entity;

import dev.chapitre.platform.control.OutlineFile;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The Podcasting 2.0 person taxonomy (roles within groups), kept as the data file
 * person-taxonomy.txt. Matching is case-insensitive; we store the spec's lower-case form.
 */
public final class PersonTaxonomy {

    private static final Map<String, String> GROUP_OF_ROLE = groupsByRole();

    private PersonTaxonomy() {
    }

    /** The group a role belongs to, if the role exists. */
    public static Optional<String> groupOf(String role) {
        return Optional.ofNullable(GROUP_OF_ROLE.get(role.toLowerCase(Locale.ROOT)));
    }

    public static boolean isGroup(String group) {
        return GROUP_OF_ROLE.containsValue(group.toLowerCase(Locale.ROOT));
    }

    private static Map<String, String> groupsByRole() {
        var map = new LinkedHashMap<String, String>();
        OutlineFile.read("/person-taxonomy.txt").forEach((group, roles) ->
                roles.forEach(role -> map.putIfAbsent(role.toLowerCase(Locale.ROOT), group.toLowerCase(Locale.ROOT))));
        return map;
    }
}
