package dev.chapitre.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SlugsTest {

    @Test
    void derivesUrlSafeNames() {
        assertEquals("epique", Slugs.derive("Épique"));
        assertEquals("1-2017-1er-pm-les-debuts", Slugs.derive("1. 2017 – 1er PM : les débuts…"));
        assertEquals("coeur-ame", Slugs.derive("Cœur & Âme"));
        assertEquals("untitled", Slugs.derive("🎙️"));
        assertEquals(64, Slugs.derive("a".repeat(100)).length());
    }

    @Test
    void validatesAndNumbers() {
        assertTrue(Slugs.isValid("epique-2"));
        assertFalse(Slugs.isValid("-epique"));
        assertFalse(Slugs.isValid("Épique"));
        assertFalse(Slugs.isValid("a".repeat(65)));
        assertEquals("epique-2", Slugs.numbered("epique", 2));
        assertEquals(64, Slugs.numbered("a".repeat(64), 12).length());
    }
}
