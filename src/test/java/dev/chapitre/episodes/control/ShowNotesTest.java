package dev.chapitre.episodes.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

class ShowNotesTest {

    @Test
    void keepsStructureAndLinksAndDropsWhatCanRunCode() {
        var clean = ShowNotes.sanitize("<p>Salut <strong>à tous</strong> <a href=\"https://e.org\" onmouseover=\"x()\">lien</a></p>"
                + "<script>alert(1)</script><a href=\"javascript:alert(1)\">x</a><img src=x onerror=alert(1)>"
                + "<ol><li>un</li></ol><div style=\"position:fixed\">texte</div>");
        assertEquals("<p>Salut <strong>à tous</strong> <a href=\"https://e.org\" rel=\"nofollow\">lien</a></p>"
                + "<a rel=\"nofollow\">x</a><ol><li>un</li></ol>texte", clean);
        assertFalse(clean.contains("script"));
        assertEquals("Salut à tous", ShowNotes.plainText("<p>Salut <em>à tous</em></p>"));
    }
}
