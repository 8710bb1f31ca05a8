package dev.chapitre.platform.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The listener's IP address. X-Forwarded-For is believed only when the request comes from a proxy
 * listed in CHAPITRE_TRUSTED_PROXIES (anyone can send the header); the right-most address that is
 * not a trusted proxy is the client.
 */
@ApplicationScoped
public class ClientAddress {

    @Inject
    @ConfigProperty(name = "CHAPITRE_TRUSTED_PROXIES")
    Optional<String> trustedProxies;

    public String of(HttpServletRequest request) {
        var remote = request.getRemoteAddr();
        var trusted = trusted();
        if (!trusted.contains(remote)) {
            return remote;
        }
        var forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded == null || forwarded.isBlank()) {
            return remote;
        }
        var hops = forwarded.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            var hop = hops[i].trim();
            if (!hop.isEmpty() && !trusted.contains(hop)) {
                return hop;
            }
        }
        return remote;
    }

    /**
     * The client as a limit counts it: its address, or for IPv6 its /64 (one host usually owns a
     * whole /64, so counting its addresses apart would multiply every limit by 2^64).
     */
    public String networkOf(HttpServletRequest request) {
        return networkOf(of(request));
    }

    /** {@link #networkOf(HttpServletRequest)} for an address already known. */
    public static String networkOf(String address) {
        if (!address.contains(":")) {
            return address;
        }
        try {
            var parsed = InetAddress.getByName(address); // a literal (it has a colon): no DNS lookup
            return parsed instanceof Inet6Address
                    ? HexFormat.of().formatHex(parsed.getAddress(), 0, 8) + "::/64"
                    : parsed.getHostAddress(); // ::ffff:192.0.2.7 is 192.0.2.7 seen through an IPv6 socket
        } catch (UnknownHostException notALiteral) {
            return address;
        }
    }

    /** Whether the request comes straight from a proxy of ours (which may speak for the client). */
    public boolean isTrustedProxy(HttpServletRequest request) {
        return trusted().contains(request.getRemoteAddr());
    }

    private List<String> trusted() {
        return trustedProxies.map(list -> Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList())
                .orElse(List.of());
    }
}
