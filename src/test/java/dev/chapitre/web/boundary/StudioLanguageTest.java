package dev.chapitre.web.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class StudioLanguageTest {

    @Test
    void theSwitchKeepsThePageAsItIsInTheOtherLanguage() {
        assertEquals("?lang=fr", StudioLanguage.switchTo(null, "fr"));
        assertEquals("?from=2026-11-01&to=2026-11-30&lang=en", StudioLanguage.switchTo("from=2026-11-01&to=2026-11-30&lang=fr", "en"));
        assertEquals("?state=hidden&lang=fr", StudioLanguage.switchTo("lang=en&state=hidden&", "fr"));
    }

    @Test
    void theChoiceIsReadFromTheAddressOnly() {
        assertEquals(Optional.empty(), StudioLanguage.switchedTo(null));
        assertEquals(Optional.empty(), StudioLanguage.switchedTo("language=fr"));
        assertEquals(Optional.of("FR"), StudioLanguage.switchedTo("from=2026-11-01&lang=en&lang=FR"));
    }
}
