package dev.chapitre.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.TransactionAttribute;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Payara's EJB container finds a lifecycle callback by its name: when a static helper shares the
 * name ({@code migrate()} and {@code migrate(Connection)}), which one it calls depends on the order
 * reflection lists them, and one start in twenty failed with "wrong number of arguments".
 */
class LifecycleCallbacksTest {

    @Test
    void noLifecycleCallbackSharesItsNameWithAnotherMethod() {
        var classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.chapitre");
        var overloaded = classes.stream()
                .flatMap(type -> type.getMethods().stream()
                        .filter(m -> m.isAnnotatedWith(PostConstruct.class) || m.isAnnotatedWith(PreDestroy.class))
                        .filter(callback -> type.getMethods().stream().filter(m -> m.getName().equals(callback.getName())).count() > 1)
                        .map(callback -> type.getSimpleName() + "." + callback.getName()))
                .toList();
        assertEquals(List.of(), overloaded);
    }

    /**
     * Payara gives a lifecycle callback only the transaction attribute on the method itself, never
     * its class's (then it is REQUIRED): a class that says it works outside a transaction, or in one
     * of its own, must say so on its callbacks too. Two instances starting together both logged
     * "Created the admin producer" because AdminBootstrap's insert failed only after its callback.
     */
    @Test
    void aClassTransactionAttributeIsRepeatedOnItsLifecycleCallbacks() {
        var classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.chapitre");
        var unsaid = classes.stream()
                .filter(type -> type.isAnnotatedWith(TransactionAttribute.class))
                .flatMap(type -> type.getMethods().stream()
                        .filter(m -> m.isAnnotatedWith(PostConstruct.class) || m.isAnnotatedWith(PreDestroy.class))
                        .filter(callback -> !callback.isAnnotatedWith(TransactionAttribute.class))
                        .map(callback -> type.getSimpleName() + "." + callback.getName()))
                .toList();
        assertEquals(List.of(), unsaid);
    }
}
