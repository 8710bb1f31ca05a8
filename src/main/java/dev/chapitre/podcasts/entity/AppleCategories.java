package dev.chapitre.podcasts.entity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Apple Podcasts' category list (the one every directory copies). A feed with a category outside
 * it is rejected by Apple, so we refuse it at the source. Kept as a data file: apple-categories.txt.
 */
public final class AppleCategories {

    private static final Map<String, Set<String>> TREE = load();

    private AppleCategories() {
    }

    public static boolean isCategory(String category) {
        return TREE.containsKey(category);
    }

    public static boolean isSubcategory(String category, String subcategory) {
        return TREE.getOrDefault(category, Set.of()).contains(subcategory);
    }

    private static Map<String, Set<String>> load() {
        var tree = new LinkedHashMap<String, Set<String>>();
        var stream = AppleCategories.class.getResourceAsStream("/apple-categories.txt");
        try (var reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            String current = null;
            for (var line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (line.startsWith("  ")) {
                    tree.get(current).add(line.strip());
                } else {
                    current = line.strip();
                    tree.put(current, new LinkedHashSet<>());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tree;
    }
}
