package dev.chapitre.downloads.control;

import dev.chapitre.platform.boundary.ClientAddress;
import dev.chapitre.platform.control.Digests;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Listener identifiers without personal data: SHA-256 of a daily random salt, the IP address (for
 * IPv6 its /64, which one household or phone usually owns whole, as for the rating limits) and
 * the User-Agent. Salts are kept for two days only (see {@code ListenerSalt}), so a stored
 * identifier cannot be traced back to an address once its day is over.
 */
public final class ListenerIds {

    private final Map<LocalDate, byte[]> salts = new ConcurrentHashMap<>();
    private final Function<LocalDate, byte[]> saltOfDay;

    /** {@code saltOfDay} finds or creates a day's salt (in the database, to survive restarts). */
    public ListenerIds(Function<LocalDate, byte[]> saltOfDay) {
        this.saltOfDay = saltOfDay;
    }

    public static byte[] newSalt() {
        return Digests.randomBytes(32);
    }

    /** The identifier under today's salt (stored) and under yesterday's (to recognise the same listener across midnight). */
    public List<String> of(String ip, String userAgent, LocalDate today) {
        salts.keySet().removeIf(day -> day.isBefore(today.minusDays(1)));
        var network = ClientAddress.networkOf(ip);
        return List.of(hash(salt(today), network, userAgent), hash(salt(today.minusDays(1)), network, userAgent));
    }

    private byte[] salt(LocalDate day) {
        return salts.computeIfAbsent(day, saltOfDay);
    }

    private static String hash(byte[] salt, String ip, String userAgent) {
        return HexFormat.of().formatHex(Digests.sha256(salt, ip.getBytes(StandardCharsets.UTF_8), new byte[] {0},
                (userAgent == null ? "" : userAgent).getBytes(StandardCharsets.UTF_8)));
    }
}
