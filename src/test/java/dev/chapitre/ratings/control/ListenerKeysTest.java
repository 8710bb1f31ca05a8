package dev.chapitre.ratings.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ListenerKeysTest {

    private final ListenerKeys keys = new ListenerKeys(new byte[32]);

    @Test
    void aListenerIsTheSameUnderTheSameSecretAndNoAddressShowsThrough() {
        var hash = keys.listenerHash("192.0.2.7", "Firefox");
        assertEquals(hash, keys.listenerHash("192.0.2.7", "Firefox"));
        assertNotEquals(hash, keys.listenerHash("192.0.2.7", "Chrome"));
        assertNotEquals(hash, new ListenerKeys(ListenerKeys.newSecret()).listenerHash("192.0.2.7", "Firefox"));
        assertFalse(hash.contains("192"));
    }

    @Test
    void aCsrfTokenBelongsToItsVisitor() {
        var visitor = ListenerKeys.newVisitorId();
        assertTrue(ListenerKeys.isVisitorId(visitor));
        assertTrue(keys.isCsrfToken(visitor, keys.csrfToken(visitor)));
        assertFalse(keys.isCsrfToken(ListenerKeys.newVisitorId(), keys.csrfToken(visitor)));
        assertFalse(keys.isCsrfToken(visitor, null));
        assertFalse(ListenerKeys.isVisitorId("../etc"));
    }
}
