package dev.chapitre.downloads.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.HashMap;
import org.junit.jupiter.api.Test;

class UserAgentsTest {

    @Test
    void recognisesPodcastApps() {
        assertEquals("Apple Podcasts", UserAgents.app("Podcasts/1650.20 CFNetwork/1333.0.4 Darwin/21.5.0"));
        assertEquals("Apple Podcasts", UserAgents.app("AppleCoreMedia/1.0.0.20G75 (iPhone; U; CPU OS 16_6 like Mac OS X; en_us)"));
        assertEquals("Overcast", UserAgents.app("Overcast/3.0 (+http://overcast.fm/; iOS podcast app)"));
        assertEquals("Pocket Casts", UserAgents.app("Pocket Casts"));
        assertEquals("AntennaPod", UserAgents.app("AntennaPod/3.2.0"));
        assertEquals("Podcast Addict", UserAgents.app("PodcastAddict/v5 - Dalvik/2.1.0 (Linux; U; Android 13)"));
        assertEquals("Spotify", UserAgents.app("Spotify/8.8.12 iOS/16.6 (iPhone15,2)"));
        assertEquals("gPodder", UserAgents.app("gPodder/3.11.1 (+http://gpodder.org/) Linux"));
        assertEquals("Castro", UserAgents.app("Castro 2022.9/1385 Like iTunes"));
        assertEquals("Browsers", UserAgents.app("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/120.0 Safari/537.36"));
        assertEquals(UserAgents.OTHER, UserAgents.app("SomethingElse/1.0"));
        assertEquals(UserAgents.UNKNOWN, UserAgents.app(null));
    }

    @Test
    void excludesBots() {
        assertTrue(UserAgents.isBot("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"));
        assertTrue(UserAgents.isBot("curl/8.5.0"));
        assertTrue(UserAgents.isBot("UptimeRobot/2.0"));
        assertFalse(UserAgents.isBot("Overcast/3.0 (+http://overcast.fm/; iOS podcast app)"));
        assertFalse(UserAgents.isBot("AntennaPod/3.2.0"));
    }

    @Test
    void listenerIdsAreStableWithinADayAndUnlinkableAcrossSalts() {
        var salts = new HashMap<LocalDate, byte[]>();
        var ids = new ListenerIds(day -> salts.computeIfAbsent(day, d -> ListenerIds.newSalt()));
        var day = LocalDate.of(2026, 11, 22);
        var first = ids.of("203.0.113.7", "Overcast/3.0", day);
        assertEquals(first, ids.of("203.0.113.7", "Overcast/3.0", day));
        assertNotEquals(first.get(0), ids.of("203.0.113.8", "Overcast/3.0", day).get(0));
        assertEquals(first.get(0), ids.of("203.0.113.7", "Overcast/3.0", day.plusDays(1)).get(1), "yesterday's id is recognised after midnight");
        assertFalse(first.get(0).contains("203.0.113.7"));
    }
}
