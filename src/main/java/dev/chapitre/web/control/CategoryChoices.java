package dev.chapitre.web.control;

import dev.chapitre.podcasts.entity.AppleCategories;
import java.text.Collator;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Apple's categories as the studio offers them: each chosen by Apple's own (English) name, which
 * is what the feed carries, and shown in the studio's language ({@code categories_fr.properties}),
 * in that language's alphabetical order.
 */
public final class CategoryChoices {

    /** A category or subcategory: {@code value} is Apple's name, {@code label} the one shown. */
    public record Choice(String value, String label, List<Choice> subcategories) {
    }

    private static final String NAMES = "dev.chapitre.web.categories";
    private static final ResourceBundle.Control ONLY_ITS_OWN = ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
    private static final Map<Locale, List<Choice>> BY_LANGUAGE = new ConcurrentHashMap<>();

    private CategoryChoices() {
    }

    public static List<Choice> in(Locale locale) {
        return BY_LANGUAGE.computeIfAbsent(locale, CategoryChoices::build);
    }

    private static List<Choice> build(Locale locale) {
        var names = ResourceBundle.getBundle(NAMES, locale, ONLY_ITS_OWN);
        var collator = Collator.getInstance(locale);
        Comparator<Choice> byLabel = Comparator.comparing(Choice::label, collator);
        return AppleCategories.tree().entrySet().stream()
                .map(category -> new Choice(category.getKey(), label(names, category.getKey()), category.getValue().stream()
                        .map(sub -> new Choice(sub, label(names, sub), List.of())).sorted(byLabel).toList()))
                .sorted(byLabel).toList();
    }

    private static String label(ResourceBundle names, String apple) {
        try {
            return names.getString(apple);
        } catch (MissingResourceException english) {
            return apple;
        }
    }
}
