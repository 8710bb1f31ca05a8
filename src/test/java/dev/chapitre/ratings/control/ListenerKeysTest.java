package dev.chapitre.ratings.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ListenerKeysTest {

    private final ListenerKeys keys = new ListenerKeys(new byte[32]);

    @Test
    void anAddressIsCountedByItsPrefixUnderTheSecretAndNeverShowsThrough() {
        var hash = keys.addressHash("192.0.2.7");
        assertEquals(hash, keys.addressHash("192.0.2.7"));
        assertNotEquals(hash, keys.addressHash("192.0.2.8"));
        assertEquals(keys.addressHash("2001:db8:1:2::1"), keys.addressHash("2001:db8:1:2:ffff::9"), "one IPv6 /64");
        assertNotEquals(keys.addressHash("2001:db8:1:2::1"), keys.addressHash("2001:db8:1:3::1"));
        assertNotEquals(hash, new ListenerKeys(ListenerKeys.newSecret()).addressHash("192.0.2.7"));
        assertFalse(hash.contains("192") || hash.contains("c000027"), "neither the address nor its hex form");
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
