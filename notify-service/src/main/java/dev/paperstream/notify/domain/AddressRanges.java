package dev.paperstream.notify.domain;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The address ranges a webhook must not reach by default: everything that is not the public internet (IANA's
 * special-purpose registries for IPv4 and IPv6). IPv6 forms that carry an IPv4 address (mapped, compatible, NAT64,
 * 6to4) are judged by the IPv4 address they carry, so {@code ::ffff:127.0.0.1} is loopback.
 */
public final class AddressRanges {

    private record Range(byte[] network, int prefix, String name) {

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = 0xFF << (8 - rest) & 0xFF;
            return (address[full] & mask) == (network[full] & mask);
        }
    }

    private static final List<Range> IPV4 = List.of(
            range("0.0.0.0/8", "this-network"),
            range("10.0.0.0/8", "private"),
            range("100.64.0.0/10", "shared (carrier-grade NAT)"),
            range("127.0.0.0/8", "loopback"),
            range("169.254.0.0/16", "link-local"),
            range("172.16.0.0/12", "private"),
            range("192.0.0.0/24", "IETF protocol assignments"),
            range("192.0.2.0/24", "documentation"),
            range("192.88.99.0/24", "6to4 relay anycast"),
            range("192.168.0.0/16", "private"),
            range("198.18.0.0/15", "benchmarking"),
            range("198.51.100.0/24", "documentation"),
            range("203.0.113.0/24", "documentation"),
            range("224.0.0.0/4", "multicast"),
            range("240.0.0.0/4", "reserved"));

    private static final List<Range> IPV6 = List.of(
            range("::/128", "unspecified"),
            range("::1/128", "loopback"),
            range("100::/64", "discard-only"),
            range("2001::/23", "IETF protocol assignments (Teredo and others)"),
            range("2001:db8::/32", "documentation"),
            range("fc00::/7", "unique local (ULA)"),
            range("fe80::/10", "link-local"),
            range("fec0::/10", "site-local"),
            range("ff00::/8", "multicast"));

    /** An IPv6 prefix whose addresses carry an IPv4 address, starting at byte {@code start}. */
    private record Carrier(Range range, int start) {
    }

    private static final List<Carrier> CARRYING_IPV4 = List.of(
            new Carrier(range("::ffff:0:0/96", "IPv4-mapped"), 12),
            new Carrier(range("::/96", "IPv4-compatible"), 12),
            new Carrier(range("64:ff9b::/96", "NAT64"), 12),
            new Carrier(range("64:ff9b:1::/48", "local NAT64"), 12),
            new Carrier(range("2002::/16", "6to4"), 2));

    private AddressRanges() {
    }

    /** Why {@code address} is not a public internet address, or empty when it is one. */
    public static Optional<String> nonPublic(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (address instanceof Inet6Address) {
            Optional<String> special = nonPublic(bytes, IPV6);
            if (special.isPresent()) {
                return special;
            }
            for (Carrier carrier : CARRYING_IPV4) {
                if (carrier.range().contains(bytes)) {
                    byte[] ipv4 = Arrays.copyOfRange(bytes, carrier.start(), carrier.start() + 4);
                    return nonPublic(ipv4, IPV4).map(reason -> reason + " (inside an " + carrier.range().name()
                            + " IPv6 address)");
                }
            }
            return Optional.empty();
        }
        return nonPublic(bytes, IPV4);
    }

    private static Optional<String> nonPublic(byte[] bytes, List<Range> ranges) {
        if (bytes.length == 4 && Arrays.equals(bytes, new byte[] { -1, -1, -1, -1 })) {
            return Optional.of("broadcast");
        }
        return ranges.stream().filter(range -> range.contains(bytes)).map(Range::name).findFirst();
    }

    private static Range range(String cidr, String name) {
        String[] parts = cidr.split("/");
        try {
            // numeric literals only: no name is looked up
            InetAddress network = InetAddress.getByName(parts[0]);
            byte[] bytes = network.getAddress();
            if (network instanceof Inet4Address && parts[0].contains(":")) {
                // Java folds ::ffff:a.b.c.d to IPv4; the table's IPv6 ranges stay IPv6
                bytes = mappedBytes(bytes);
            }
            return new Range(bytes, Integer.parseInt(parts[1]), name);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(cidr, e);
        }
    }

    private static byte[] mappedBytes(byte[] ipv4) {
        byte[] bytes = new byte[16];
        bytes[10] = -1;
        bytes[11] = -1;
        System.arraycopy(ipv4, 0, bytes, 12, 4);
        return bytes;
    }
}
