package dev.chapitre.platform.control;

import dev.chapitre.platform.entity.Violations;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class XmlTextTest {

    @Test
    void acceptsWhatPeopleWriteInEveryScript() {
        for (var text : new String[] {"Épique – « le retour »", "tab\there\r\nand lines", "😀🎙️🇫🇷", "日本語", "\uD834\uDD1E", "\uE000"}) {
            assertEquals(Optional.empty(), XmlText.firstForbidden(text), text);
            assertEquals(text, XmlText.withoutForbidden(text));
        }
    }

    @Test
    void namesTheFirstCharacterXmlCannotCarry() {
        assertEquals(Optional.of("U+0001 at position 2"), XmlText.firstForbidden("a\u0001b"));
        assertEquals(Optional.of("U+0000 at position 1"), XmlText.firstForbidden("\u0000"));
        assertEquals(Optional.of("U+007F at position 2"), XmlText.firstForbidden("a\u007F"));
        assertEquals(Optional.of("U+0085 at position 2"), XmlText.firstForbidden("😀\u0085"), "positions count characters, not UTF-16 units");
        assertEquals(Optional.of("U+D800 at position 2"), XmlText.firstForbidden("a\uD800b"), "a lone high surrogate");
        assertEquals(Optional.of("U+DC00 at position 1"), XmlText.firstForbidden("\uDC00"), "a lone low surrogate");
        assertEquals(Optional.of("U+FFFE at position 1"), XmlText.firstForbidden("\uFFFE"));
        assertEquals(Optional.of("U+FFFF at position 2"), XmlText.firstForbidden("a\uFFFF"));
    }

    @Test
    void leavesOutOnlyWhatXmlCannotCarry() {
        assertEquals("ab😀c\td", XmlText.withoutForbidden("a\u0000b\uD800😀\u001Fc\td\uFFFE\u0090"));
    }

    @Test
    void violationsNameTheFieldAndTheCharacter() {
        var violations = new Violations().requireText("title", "Bonjour\u0007", 255).limitText("author", "\uDFFF", 255)
                .webUrl("link", "https://example.org/\u0001").webUrl("image", "https://example.org/" + "a".repeat(2000));
        assertEquals(4, violations.list().size());
        assertEquals("title", violations.list().get(0).field());
        assertTrue(violations.list().get(0).reason().toString().endsWith("(found U+0007 at position 8)"), violations.list().get(0).reason().toString());
        assertEquals("author", violations.list().get(1).field());
        assertEquals("link", violations.list().get(2).field());
        assertEquals(WebUrls.RULE, violations.list().get(3).reason());
    }
}
