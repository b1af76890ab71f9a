package uk.nhs.pathways.referral.webhook.domain;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

/**
 * Which network addresses a webhook may go to: globally routable unicast only. Everything a request
 * from inside the platform could misuse (loopback, private networks, link-local cloud metadata,
 * CGNAT, unique-local, multicast, unspecified, reserved and documentation blocks, and IPv6 forms that
 * carry an IPv4 address) is refused by its own CIDR table, because {@link InetAddress}'s predicates
 * miss several of these ranges.
 */
public final class ReceiverAddresses {

    private record Block(byte[] prefix, int bits, String what) {

        boolean contains(byte[] address) {
            if (address.length != prefix.length) {
                return false;
            }
            int whole = bits / 8;
            for (int i = 0; i < whole; i++) {
                if (address[i] != prefix[i]) {
                    return false;
                }
            }
            int rest = bits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (address[whole] & mask) == (prefix[whole] & mask);
        }
    }

    private static final List<Block> IPV4 = List.of(
            block("0.0.0.0/8", "an unspecified address"),
            block("10.0.0.0/8", "a private address"),
            block("100.64.0.0/10", "a carrier-grade NAT (CGNAT) address"),
            block("127.0.0.0/8", "a loopback address"),
            block("169.254.0.0/16", "a link-local address"),
            block("172.16.0.0/12", "a private address"),
            block("192.0.0.0/24", "a reserved address"),
            block("192.0.2.0/24", "a documentation address"),
            block("192.88.99.0/24", "a reserved address"),
            block("192.168.0.0/16", "a private address"),
            block("198.18.0.0/15", "a reserved address"),
            block("198.51.100.0/24", "a documentation address"),
            block("203.0.113.0/24", "a documentation address"),
            block("224.0.0.0/4", "a multicast address"),
            block("240.0.0.0/4", "a reserved address"));

    /** Checked first, most specific first; outside 2000::/3 nothing is global unicast anyway. */
    private static final List<Block> IPV6 = List.of(
            block("::/128", "an unspecified address"),
            block("::1/128", "a loopback address"),
            block("::ffff:0:0/96", "an IPv4-mapped address"),
            block("::/96", "an IPv4-compatible address"),
            block("64:ff9b::/96", "a NAT64 address"),
            block("64:ff9b:1::/48", "a NAT64 address"),
            block("fc00::/7", "a unique-local address"),
            block("fe80::/10", "a link-local address"),
            block("fec0::/10", "a site-local address"),
            block("ff00::/8", "a multicast address"),
            block("2001::/32", "a Teredo address"),
            block("2001:db8::/32", "a documentation address"),
            block("2001::/23", "a reserved address"),
            block("2002::/16", "a 6to4 address"),
            block("3fff::/20", "a documentation address"));

    private static final Block GLOBAL_UNICAST_V6 = block("2000::/3", "global unicast");

    private ReceiverAddresses() {}

    /** Why a webhook must not go to this address, e.g. "a private address"; empty when it may. */
    public static Optional<String> refusal(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            return IPV4.stream().filter(b -> b.contains(bytes)).map(Block::what).findFirst();
        }
        Optional<String> listed =
                IPV6.stream().filter(b -> b.contains(bytes)).map(Block::what).findFirst();
        if (listed.isPresent()) {
            return listed;
        }
        return GLOBAL_UNICAST_V6.contains(bytes) ? Optional.empty() : Optional.of("not a global unicast address");
    }

    /** This machine's own loopback: the only place the local-demo exception lets webhooks go. */
    public static boolean isLoopback(InetAddress address) {
        return address.isLoopbackAddress();
    }

    private static Block block(String cidr, String what) {
        int slash = cidr.indexOf('/');
        try {
            // Literals only: getByName does no lookup for them.
            InetAddress prefix = InetAddress.getByName(cidr.substring(0, slash));
            byte[] bytes = prefix.getAddress();
            if (cidr.contains(":") && prefix instanceof Inet4Address) {
                // Java reads ::ffff:a.b.c.d as IPv4; the table needs the IPv6 bytes.
                bytes = mapped(bytes);
            }
            return new Block(bytes, Integer.parseInt(cidr.substring(slash + 1)), what);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(cidr, e);
        }
    }

    private static byte[] mapped(byte[] ipv4) {
        byte[] v6 = new byte[16];
        v6[10] = (byte) 0xff;
        v6[11] = (byte) 0xff;
        System.arraycopy(ipv4, 0, v6, 12, 4);
        return v6;
    }
}
