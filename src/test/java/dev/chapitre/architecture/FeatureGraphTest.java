package dev.chapitre.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.chapitre.platform.control.ProblemException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shape docs/architecture.md draws: one package per feature, features that use each other in
 * one direction only, so any feature can be read, changed and deleted as one folder with the ones
 * it uses.
 */
class FeatureGraphTest {

    /**
     * Who may use whom, the picture in docs/architecture.md as a table. A new arrow is a design
     * decision: add it here and to the picture together.
     */
    static final Map<String, Set<String>> MAY_USE = Map.ofEntries(
            Map.entry("platform", Set.of()),
            Map.entry("tagging", Set.of("platform")),
            Map.entry("chapters", Set.of("platform")),
            Map.entry("media", Set.of("platform")),
            Map.entry("security", Set.of("platform")),
            Map.entry("podcasts", Set.of("platform", "security", "media")),
            Map.entry("episodes", Set.of("platform", "security", "media", "podcasts", "chapters", "tagging")),
            Map.entry("retagging", Set.of("platform", "media", "podcasts", "episodes", "chapters", "tagging")),
            Map.entry("downloads", Set.of("platform", "security", "media", "podcasts", "episodes", "tagging")),
            Map.entry("ratings", Set.of("platform", "security", "podcasts", "episodes")),
            Map.entry("backups", Set.of("platform", "security", "media")),
            Map.entry("feeds", Set.of("platform", "podcasts", "episodes", "chapters", "retagging", "transcripts")),
            Map.entry("publishing", Set.of("platform", "media", "podcasts", "episodes", "retagging", "feeds", "transcripts")),
            Map.entry("imports", Set.of("platform", "security", "media", "podcasts", "episodes", "chapters", "tagging", "feeds", "transcripts")),
            Map.entry("transcripts", Set.of("platform", "security", "podcasts", "episodes", "chapters")),
            Map.entry("waveforms", Set.of("platform", "security", "media", "episodes", "chapters")),
            Map.entry("web", Set.of("platform", "security", "media", "podcasts", "episodes", "chapters", "ratings", "transcripts", "downloads")));

    static JavaClasses classes;

    @BeforeAll
    static void importTheApplication() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.chapitre");
    }

    @Test
    void noTwoFeaturesUseEachOther() {
        slices().matching("dev.chapitre.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void everyFeatureUsesOnlyWhatThePictureShows() {
        var unexpected = new TreeMap<String, Set<String>>();
        for (var type : classes) {
            var from = featureOf(type.getPackageName());
            if (from.isEmpty()) {
                continue;
            }
            for (var dependency : type.getDirectDependenciesFromSelf()) {
                var to = featureOf(dependency.getTargetClass().getPackageName());
                if (to.isPresent() && !to.equals(from) && !MAY_USE.getOrDefault(from.get(), Set.of()).contains(to.get())) {
                    unexpected.computeIfAbsent(from.get() + " -> " + to.get(), k -> new TreeSet<>())
                            .add(type.getSimpleName() + " -> " + dependency.getTargetClass().getSimpleName());
                }
            }
        }
        assertEquals(Map.of(), unexpected, "dependencies the picture does not show");
    }

    @Test
    void everyFeaturePackageIsInThePicture() {
        var features = new TreeSet<String>();
        classes.forEach(type -> featureOf(type.getPackageName()).ifPresent(features::add));
        assertEquals(new TreeSet<>(MAY_USE.keySet()), features);
    }

    @Test
    void entitiesKnowNothingOfBoundaries() {
        noClasses().that().resideInAPackage("dev.chapitre..entity..")
                .should().dependOnClassesThat().resideInAPackage("dev.chapitre..boundary..")
                .check(classes);
    }

    /** Entities throw InvalidInput; only a mapper at the boundary turns it into an HTTP answer. */
    @Test
    void entitiesKnowNothingOfHttp() {
        noClasses().that().resideInAPackage("dev.chapitre..entity..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.ws.rs..", "jakarta.servlet..")
                .orShould().dependOnClassesThat().belongToAnyOf(ProblemException.class)
                .check(classes);
    }

    @Test
    void onlyTaggingReadsAndWritesMp3Tags() {
        noClasses().that().resideOutsideOfPackage("dev.chapitre.tagging..")
                .should().dependOnClassesThat().resideInAPackage("org.jaudiotagger..")
                .check(classes);
    }

    @Test
    void onlyWaveformsDecodesAudio() {
        noClasses().that().resideOutsideOfPackage("dev.chapitre.waveforms..")
                .should().dependOnClassesThat().resideInAPackage("javazoom..")
                .check(classes);
    }

    @Test
    void onlyFeedsWritesRss() {
        noClasses().that().resideOutsideOfPackage("dev.chapitre.feeds..")
                .should().dependOnClassesThat().resideInAPackage("com.rometools..")
                .check(classes);
    }

    private static Optional<String> featureOf(String packageName) {
        var prefix = "dev.chapitre.";
        if (!packageName.startsWith(prefix)) {
            return Optional.empty();
        }
        var rest = packageName.substring(prefix.length());
        var dot = rest.indexOf('.');
        return Optional.of(dot < 0 ? rest : rest.substring(0, dot));
    }
}
