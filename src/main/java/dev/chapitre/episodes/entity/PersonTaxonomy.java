package dev.chapitre.episodes.entity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The Podcasting 2.0 person taxonomy (roles within groups), kept as the data file
 * person-taxonomy.txt. Matching is case-insensitive; we store the spec's lower-case form.
 */
public final class PersonTaxonomy {

    private static final Map<String, String> GROUP_OF_ROLE = load();

    private PersonTaxonomy() {
    }

    /** The group a role belongs to, if the role exists. */
    public static Optional<String> groupOf(String role) {
        return Optional.ofNullable(GROUP_OF_ROLE.get(role.toLowerCase(Locale.ROOT)));
    }

    public static boolean isGroup(String group) {
        return GROUP_OF_ROLE.containsValue(group.toLowerCase(Locale.ROOT));
    }

    private static Map<String, String> load() {
        var map = new LinkedHashMap<String, String>();
        var stream = PersonTaxonomy.class.getResourceAsStream("/person-taxonomy.txt");
        try (var reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            String group = null;
            for (var line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (line.startsWith("  ")) {
                    map.putIfAbsent(line.strip().toLowerCase(Locale.ROOT), group);
                } else {
                    group = line.strip().toLowerCase(Locale.ROOT);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return map;
    }
}
