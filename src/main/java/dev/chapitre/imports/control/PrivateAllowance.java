package dev.chapitre.imports.control;

import dev.chapitre.platform.entity.Message;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The operator's exception to {@link AddressPolicy} ({@code CHAPITRE_IMPORT_ALLOW_PRIVATE}):
 * {@code false} (the default) allows no private address, {@code true} allows every one (tests, a
 * closed network), and a comma-separated list of addresses and CIDR ranges
 * ({@code 10.1.2.3, 192.168.0.0/16}) allows those only, e.g. an archive server on the LAN.
 */
public final class PrivateAllowance {

    private record Range(byte[] network, int prefix) {
        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < prefix; bit++) {
                int mask = 0x80 >> (bit % 8);
                if ((address[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }

    private final boolean all;
    private final List<Range> ranges;

    private PrivateAllowance(boolean all, List<Range> ranges) {
        this.all = all;
        this.ranges = ranges;
    }

    public static PrivateAllowance none() {
        return new PrivateAllowance(false, List.of());
    }

    /** Fails with a message naming the entry that is not an address or a range. */
    public static PrivateAllowance parse(String setting) {
        var value = Optional.ofNullable(setting).orElse("").strip().toLowerCase(Locale.ROOT);
        if (value.isEmpty() || value.equals("false")) {
            return none();
        }
        if (value.equals("true")) {
            return new PrivateAllowance(true, List.of());
        }
        var ranges = new ArrayList<Range>();
        for (var entry : value.split(",")) {
            var parts = entry.strip().split("/", 2);
            if (!parts[0].matches("[0-9a-f:.]+")) { // literal addresses only: a name would be looked up here
                throw new IllegalArgumentException("CHAPITRE_IMPORT_ALLOW_PRIVATE: '" + entry.strip()
                        + "' is not an IP address or a CIDR range (true, false, or e.g. 10.1.2.3,192.168.0.0/16)");
            }
            try {
                var network = InetAddress.getByName(parts[0]).getAddress();
                int prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : network.length * 8;
                if (prefix < 0 || prefix > network.length * 8) {
                    throw new NumberFormatException();
                }
                ranges.add(new Range(network, prefix));
            } catch (UnknownHostException | NumberFormatException e) {
                throw new IllegalArgumentException("CHAPITRE_IMPORT_ALLOW_PRIVATE: '" + entry.strip()
                        + "' is not an IP address or a CIDR range (true, false, or e.g. 10.1.2.3,192.168.0.0/16)");
            }
        }
        return new PrivateAllowance(false, List.copyOf(ranges));
    }

    /** Why fetching from {@code address} is not allowed; empty when it is. */
    public Optional<Message> whyRefused(InetAddress address) {
        if (all || ranges.stream().anyMatch(range -> range.contains(address.getAddress()))) {
            return Optional.empty();
        }
        return AddressPolicy.whyNotPublic(address);
    }
}
