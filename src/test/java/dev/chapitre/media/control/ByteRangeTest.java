package dev.chapitre.media.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ByteRangeTest {

    static ByteRange.Request of(String header) {
        return ByteRange.of(Optional.ofNullable(header), 1000);
    }

    static ByteRange partial(String header) {
        return assertInstanceOf(ByteRange.Partial.class, of(header)).range();
    }

    @Test
    void resolvesTheThreeForms() {
        assertEquals(new ByteRange(0, 99), partial("bytes=0-99"));
        assertEquals(new ByteRange(900, 999), partial("bytes=900-"));
        assertEquals(new ByteRange(500, 999), partial("bytes=-500"));
        assertEquals(new ByteRange(0, 999), partial("bytes=-5000"));
        assertEquals(new ByteRange(990, 999), partial("bytes=990-5000"));
        assertEquals(new ByteRange(0, 0), partial("bytes = 0 - 0"));
    }

    @Test
    void unsatisfiableAndIgnored() {
        assertInstanceOf(ByteRange.Unsatisfiable.class, of("bytes=1000-"));
        assertInstanceOf(ByteRange.Unsatisfiable.class, of("bytes=-0"));
        for (var ignored : new String[] {null, "bytes=", "bytes=-", "bytes=5-2", "items=0-1", "bytes=a-b", "bytes=0-1,5-6",
                "bytes=99999999999999999999-"}) {
            assertInstanceOf(ByteRange.Whole.class, of(ignored), String.valueOf(ignored));
        }
    }
}
