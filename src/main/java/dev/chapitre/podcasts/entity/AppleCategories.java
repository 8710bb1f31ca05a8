package dev.chapitre.podcasts.entity;

import dev.chapitre.platform.control.OutlineFile;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Apple Podcasts' category list (the one every directory copies). A feed with a category outside
 * it is rejected by Apple, so we refuse it at the source. Kept as a data file: apple-categories.txt.
 */
public final class AppleCategories {

    private static final Map<String, List<String>> TREE = OutlineFile.read("/apple-categories.txt");

    private AppleCategories() {
    }

    /** Every category with its subcategories, in Apple's order: what the studio offers to choose from. */
    public static Map<String, List<String>> tree() {
        return TREE;
    }

    public static boolean isCategory(String category) {
        return TREE.containsKey(category);
    }

    public static boolean isSubcategory(String category, String subcategory) {
        return TREE.getOrDefault(category, List.of()).contains(subcategory);
    }

    /** Apple's spelling of a category a feed wrote in another case or with spaces around it. */
    public static Optional<String> category(String written) {
        return TREE.keySet().stream().filter(name -> name.equalsIgnoreCase(normal(written))).findFirst();
    }

    /** Apple's spelling of a subcategory of {@code category} (itself Apple's spelling). */
    public static Optional<String> subcategory(String category, String written) {
        return TREE.getOrDefault(category, List.of()).stream().filter(name -> name.equalsIgnoreCase(normal(written))).findFirst();
    }

    private static String normal(String written) {
        return written == null ? "" : written.strip().replaceAll("\\s+", " ").replace("&amp;", "&");
    }
}
