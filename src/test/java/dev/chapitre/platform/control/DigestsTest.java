package dev.chapitre.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class DigestsTest {

    @Test
    void sha256MatchesTheStandardTestVector() {
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                HexFormat.of().formatHex(Digests.sha256("abc")));
        assertEquals(HexFormat.of().formatHex(Digests.sha256("abc")),
                HexFormat.of().formatHex(Digests.sha256("a".getBytes(StandardCharsets.UTF_8), "bc".getBytes(StandardCharsets.UTF_8))),
                "parts are hashed one after the other");
    }

    @Test
    void hmacMatchesRfc4231TestCase2() {
        assertEquals("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
                HexFormat.of().formatHex(Digests.hmacSha256("Jefe".getBytes(StandardCharsets.UTF_8), "what do ya want for nothing?")));
    }

    @Test
    void randomBytesDifferAndSecretsCompareExactly() {
        assertEquals(32, Digests.randomBytes(32).length);
        assertNotEquals(HexFormat.of().formatHex(Digests.randomBytes(16)), HexFormat.of().formatHex(Digests.randomBytes(16)));
        assertTrue(Digests.sameSecret("s3cret", "s3cret"));
        assertFalse(Digests.sameSecret("s3cret", "s3creT"));
        assertFalse(Digests.sameSecret("s3cret", null));
    }
}
