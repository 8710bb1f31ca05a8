package dev.chapitre.platform.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The words of every feature's refusals ({@code dev/chapitre/<feature>/problems[_fr].properties})
 * against the code that names them: a key the code names and no bundle has would be a 500 where a
 * refusal was meant, and an English sentence left where a key belongs the same.
 */
class ProblemWordsTest {

    private static final Path RESOURCES = Path.of("src/main/resources/dev/chapitre");
    private static final Path SOURCES = Path.of("src/main/java/dev/chapitre");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)}");
    /** Texts shaped like keys that are not keys (a download's name). */
    private static final java.util.Set<String> NOT_KEYS = java.util.Set.of("episodes.csv");
    /** Where the code names a key: the first text given to a message, a problem, a summary or a violation. */
    private static final List<Pattern> KEY_IN_CODE = List.of(
            Pattern.compile("(?:Message\\.of|\\.badRequest|\\.notFound|\\.conflict|\\.preconditionFailed|\\.tooLarge"
                    + "|\\.unsupportedMediaType|\\.unprocessable|throwIfAny)\\(\\s*\"([^\"]*)\""),
            Pattern.compile("new ProblemException\\(\\s*[\\w.]+,\\s*\"([^\"]*)\""),
            Pattern.compile("(?:violations|Violations\\(\\))\\s*\\.add\\(\\s*[^,()]+,\\s*\"([^\"]*)\""),
            Pattern.compile("\\bviolation\\(\\s*\\w+,\\s*[^,()]+,\\s*\"([^\"]*)\""));

    @Test
    void everyFeatureSaysTheSameInFrenchAndInEnglish() throws IOException {
        for (var feature : features()) {
            var english = bundle(feature, "problems.properties");
            var french = bundle(feature, "problems_fr.properties");
            assertEquals(new TreeSet<>(english.stringPropertyNames()), new TreeSet<>(french.stringPropertyNames()), feature);
            for (var key : english.stringPropertyNames()) {
                assertTrue(key.startsWith(feature + "."), key + " is in " + feature + "'s bundle");
                assertEquals(placeholders(english.getProperty(key)), placeholders(french.getProperty(key)), key);
            }
        }
    }

    @Test
    void englishFieldNamesAreTheJsonNamesInWords() throws IOException {
        for (var feature : features()) {
            var english = bundle(feature, "problems.properties");
            english.stringPropertyNames().stream().filter(key -> key.contains(".field.")).forEach(key ->
                    assertEquals(Violation.inWords(key.substring(key.indexOf(".field.") + 7)), english.getProperty(key), key));
        }
    }

    @Test
    void everyKeyTheCodeNamesHasWords() throws IOException {
        var known = allKeys();
        var problems = new ArrayList<String>();
        for (var use : keysInCode().entrySet()) {
            var key = use.getKey();
            boolean prefix = key.endsWith(".");
            boolean found = prefix ? known.stream().anyMatch(k -> k.startsWith(key)) : known.contains(key);
            if (!found) {
                problems.add(use.getValue() + ": \"" + key + "\"");
            }
        }
        assertTrue(problems.isEmpty(), "no words for: " + problems);
    }

    /** Keys the code builds from a prefix and a value: every value it can take has words. */
    @Test
    void everyKeyBuiltAtRunTimeHasWords() throws IOException {
        var built = new ArrayList<String>();
        for (var status : List.of(404, 405, 406, 415)) {
            built.add("platform.http." + status);
        }
        for (var kind : List.of("chapter", "cue")) {
            built.add("platform.item." + kind);
            built.add("platform.item." + kind + ".line");
        }
        for (var type : List.of("array", "object", "string", "number", "integer", "boolean", "trueOrFalse", "strings", "null")) {
            built.add("platform.json.type." + type);
        }
        for (var state : dev.chapitre.imports.entity.ImportState.values()) {
            if (state.isOver()) { // an import refused because it is over says how it ended
                built.add("imports.state." + state.json());
            }
        }
        var known = allKeys();
        assertEquals(List.of(), built.stream().filter(key -> !known.contains(key)).toList());
    }

    @Test
    void everyKeyInTheBundlesIsUsed() throws IOException {
        var source = new StringBuilder();
        try (var files = Files.walk(SOURCES)) {
            for (var file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                source.append(Files.readString(file));
            }
        }
        var prefixes = new ArrayList<String>();
        var literal = Pattern.compile("\"([a-z]+\\.[A-Za-z0-9.]*\\.)\"").matcher(source);
        while (literal.find()) {
            prefixes.add(literal.group(1));
        }
        var unused = allKeys().stream()
                .filter(key -> !key.contains(".field."))
                .filter(key -> !source.toString().contains("\"" + key + "\""))
                .filter(key -> prefixes.stream().noneMatch(key::startsWith))
                .toList();
        assertTrue(unused.isEmpty(), "never said: " + unused);
    }

    @Test
    void wordsAreChosenByLanguageWithEnglishForOthers() {
        var required = Message.of("platform.tooLong", 255);
        assertEquals("must be at most 255 characters", required.in(Locale.ENGLISH));
        assertEquals("au plus 255 caractères", required.in(Locale.FRENCH));
        assertEquals("must be at most 255 characters", required.in(Locale.GERMAN));
        var defaultLocale = Locale.getDefault();
        try {
            Locale.setDefault(Locale.FRANCE);
            assertEquals("must be at most 255 characters", required.in(Locale.ENGLISH), "never the server's own language");
        } finally {
            Locale.setDefault(defaultLocale);
        }
    }

    @Test
    void aViolationReadsAsASentenceInEachLanguage() {
        var chapter = Violation.ofItem("chapter", 2, "startTime", Message.of("platform.required")).onLines(List.of(1, 2, 7));
        assertEquals("chapter 3 (line 7): start time is required", chapter.describe());
        var invalid = new InvalidInput(Message.of("platform.slug.invalid"), List.of(new Violation("slug", Slug.RULE)));
        assertEquals("L’adresse (slug) n’est pas valide : Adresse (slug) : de 1 à 64 caractères parmi a-z, 0-9 et « - », "
                + "sans « - » au début ni à la fin", invalid.detail(Locale.FRENCH));
        assertEquals(invalid.getMessage(), invalid.detail(Locale.ENGLISH), "logs say what an English reader is told");
    }

    @Test
    void everyRuleAnInputBreaksIsListedHoweverManyThereAre() {
        var lines = java.util.stream.IntStream.range(0, 100_000).mapToObj(i -> Violation.ofItem("chapter", i, "title", Message.of("platform.required"))).toList();
        var refused = new InvalidInput(Message.of("chapters.notSaved"), lines); // a 2 MiB text of lines that are not chapters
        assertTrue(refused.getMessage().endsWith("; chapter 100000: title is required"), "flat, not one nested message per rule");
        assertTrue(refused.detail(Locale.FRENCH).endsWith(" ; Titre (chapitre 100000) : obligatoire"));
        assertEquals("", Message.joined(List.of()).in(Locale.FRENCH));
        assertEquals("a", Message.joined(List.of("a")).in(Locale.FRENCH));
    }

    @Test
    void argumentsAreKeptAsTheyAreAndMessagesInThemWorded() {
        var wrong = Message.of("platform.json.wrongType", "season", Message.of("platform.json.type.integer"), "it's {1}");
        assertEquals("'season' must be a whole number, not it's {1}.", wrong.in(Locale.ENGLISH));
        assertEquals("« season » doit être un nombre entier, pas it's {1}.", wrong.in(Locale.FRENCH));
    }

    private static Map<String, String> keysInCode() throws IOException {
        var keys = new HashMap<String, String>();
        // and any text shaped like a key of a feature with words, wherever it is written ("feeds.notAFeed.html")
        var keyShaped = Pattern.compile("\"((?:" + String.join("|", features()) + ")\\.[A-Za-z0-9]+(?:\\.[A-Za-z0-9]+)*\\.?)\"");
        try (var files = Files.walk(SOURCES)) {
            for (var file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                var text = Files.readString(file);
                for (var pattern : Stream.concat(KEY_IN_CODE.stream(), Stream.of(keyShaped)).toList()) {
                    var matcher = pattern.matcher(text);
                    while (matcher.find()) {
                        if (NOT_KEYS.contains(matcher.group(1))) {
                            continue;
                        }
                        keys.putIfAbsent(matcher.group(1), SOURCES.relativize(file).toString());
                    }
                }
            }
        }
        return keys;
    }

    private static TreeSet<String> allKeys() throws IOException {
        var keys = new TreeSet<String>();
        for (var feature : features()) {
            keys.addAll(bundle(feature, "problems.properties").stringPropertyNames());
        }
        return keys;
    }

    private static List<String> features() throws IOException {
        try (Stream<Path> dirs = Files.list(RESOURCES)) {
            var features = dirs.filter(dir -> Files.exists(dir.resolve("problems.properties")))
                    .map(dir -> dir.getFileName().toString()).sorted().toList();
            assertTrue(features.contains("platform"), "bundles found");
            return features;
        }
    }

    private static Properties bundle(String feature, String name) throws IOException {
        var properties = new Properties();
        try (Reader reader = Files.newBufferedReader(RESOURCES.resolve(feature).resolve(name), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }

    private static TreeSet<String> placeholders(String text) {
        var found = new TreeSet<String>();
        var matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }
}
