package dev.chapitre.downloads.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ListenerIdsTest {

    static final LocalDate DAY = LocalDate.of(2026, 11, 30);
    final ListenerIds ids = new ListenerIds(day -> new byte[] {(byte) day.getDayOfMonth()});

    @Test
    void anIpv6ListenerIsTheirWhole64() {
        assertEquals(ids.of("2001:db8:1:2::1", "Overcast", DAY), ids.of("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "Overcast", DAY),
                "a phone changes its interface id (privacy addresses), not its network");
        assertNotEquals(ids.of("2001:db8:1:2::1", "Overcast", DAY), ids.of("2001:db8:1:3::1", "Overcast", DAY));
        assertNotEquals(ids.of("192.0.2.1", "Overcast", DAY), ids.of("192.0.2.2", "Overcast", DAY), "IPv4 by address");
        assertEquals(ids.of("192.0.2.1", "Overcast", DAY), ids.of("::ffff:192.0.2.1", "Overcast", DAY));
    }

    @Test
    void noUserAgentIsTheSameWhicheverPathCountedIt() {
        assertEquals(ids.of("192.0.2.1", null, DAY), ids.of("192.0.2.1", "", DAY), "the servlet's null, nginx's \"\"");
    }
}
