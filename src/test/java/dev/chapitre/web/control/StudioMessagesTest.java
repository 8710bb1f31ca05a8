package dev.chapitre.web.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class StudioMessagesTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)");

    @Test
    void frenchAndEnglishHaveTheSameKeysAndTheSamePlaceholders() throws IOException {
        var english = bundle("studio.properties");
        var french = bundle("studio_fr.properties");
        assertEquals(new TreeSet<>(english.stringPropertyNames()), new TreeSet<>(french.stringPropertyNames()));
        english.stringPropertyNames().forEach(key -> assertEquals(placeholders(english.getProperty(key)),
                placeholders(french.getProperty(key)), key));
    }

    @Test
    void englishNeverFallsBackToTheServersOwnLanguage() {
        var defaultLocale = Locale.getDefault();
        try {
            Locale.setDefault(Locale.FRANCE);
            assertEquals("Your shows", StudioMessages.text(Locale.ENGLISH, "shows.title"));
            assertEquals("Vos émissions", StudioMessages.text(Locale.FRENCH, "shows.title"));
        } finally {
            Locale.setDefault(defaultLocale);
        }
    }

    @Test
    void theScriptsGetTheirMessagesWithoutThePrefixAsJsonThatCannotCloseTheirElement() {
        var json = StudioMessages.forScripts(Locale.FRENCH);
        assertTrue(!json.contains("</"), json);
        var messages = Json.createReader(new StringReader(json)).readObject();
        assertEquals("Enregistrement…", messages.getString("saving"));
        assertEquals("Titre", messages.getString("field.title"));
        assertTrue(messages.keySet().stream().noneMatch(key -> key.startsWith("js.") || key.startsWith("shows.")));
    }

    /** Every literal key a studio module asks for ({@code t('x')}, {@code count('x', n)}) is in the bundle: a missing one would show as its key. */
    @Test
    void everyKeyTheScriptsAskForIsThere() throws IOException {
        var english = bundle("studio.properties");
        var asked = Pattern.compile("\\b(t|count)\\('([A-Za-z0-9_.]+)'");
        var missing = new TreeSet<String>();
        int found = 0;
        try (var modules = java.nio.file.Files.list(java.nio.file.Path.of("src/main/resources/web/studio"))) {
            for (var module : modules.filter(path -> path.toString().endsWith(".js")).toList()) {
                for (var match : asked.matcher(java.nio.file.Files.readString(module)).results().toList()) {
                    found++;
                    var key = "js." + match.group(2);
                    var keys = match.group(1).equals("count") ? java.util.List.of(key + ".one", key + ".other") : java.util.List.of(key);
                    keys.stream().filter(k -> english.getProperty(k) == null).forEach(k -> missing.add(module.getFileName() + ": " + k));
                }
            }
        }
        assertTrue(found > 100, "the modules were read: " + found + " keys");
        assertEquals(new TreeSet<String>(), missing);
    }

    private static Properties bundle(String name) throws IOException {
        var properties = new Properties();
        try (var in = StudioMessagesTest.class.getResourceAsStream("/dev/chapitre/web/" + name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    private static TreeSet<String> placeholders(String pattern) {
        var found = new TreeSet<String>();
        PLACEHOLDER.matcher(pattern).results().forEach(match -> found.add(match.group(1)));
        return found;
    }
}
