package uk.nhs.pathways.referral.webhook.domain;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A subscriber's callback URL, read strictly: absolute https (http only under the local-demo
 * exception), a host, no credentials, no fragment. Where it may be sent is decided only after its host
 * is resolved ({@link #target}), at registration and again before every delivery; the request then
 * goes to the address that was checked, never to a second lookup of the name.
 *
 * @param host          lower case; an IPv6 literal without its brackets
 * @param requestTarget path and query, as sent in the request line
 */
public record CallbackUrl(String text, boolean https, String host, int port, String requestTarget) {

    public static final int MAX_LENGTH = 2000;

    private static final Pattern DOTTED_QUAD = Pattern.compile(
            "(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])){3}");

    /** A last label like these means an IPv4 address in one of the forms resolvers read differently. */
    private static final Pattern NUMERIC_LABEL = Pattern.compile("[0-9]+|0[xX][0-9a-fA-F]*");

    /**
     * Reads a callback URL; refuses a malformed one, and an http one unless the local-demo exception
     * is on (which still needs its host to resolve to loopback only, see {@link #target}).
     */
    public static CallbackUrl parse(String text, boolean allowInsecureLocal) {
        if (text == null || text.isBlank()) {
            throw new RefusedCallback("is required");
        }
        String trimmed = text.strip();
        if (trimmed.length() > MAX_LENGTH) {
            throw new RefusedCallback("is longer than " + MAX_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException e) {
            throw new RefusedCallback("is not a valid URL");
        }
        if (!uri.isAbsolute() || uri.isOpaque()) {
            throw new RefusedCallback("must be an absolute https URL");
        }
        boolean https = "https".equalsIgnoreCase(uri.getScheme());
        if (!https && !"http".equalsIgnoreCase(uri.getScheme())) {
            throw new RefusedCallback("must be an https URL");
        }
        if (!https && !allowInsecureLocal) {
            throw new RefusedCallback("must be an https URL");
        }
        if (uri.getRawUserInfo() != null) {
            throw new RefusedCallback("must not carry credentials (user@host)");
        }
        if (uri.getRawFragment() != null) {
            throw new RefusedCallback("must not have a fragment (#...)");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new RefusedCallback("must name a valid host");
        }
        String host = host(uri.getHost());
        int port = uri.getPort() == -1 ? (https ? 443 : 80) : uri.getPort();
        if (port < 1 || port > 65535) {
            throw new RefusedCallback("has no valid port");
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String target = uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        return new CallbackUrl(trimmed, https, host, port, target);
    }

    private static String host(String raw) {
        if (raw.startsWith("[")) {
            String literal = raw.substring(1, raw.length() - 1);
            if (literal.contains("%")) {
                throw new RefusedCallback("must not name a network interface (%zone)");
            }
            try {
                // A literal: no lookup happens.
                if (InetAddress.getByName(literal) instanceof Inet4Address) {
                    // Java turns ::ffff:a.b.c.d into the IPv4 address it carries; refuse the disguise.
                    throw new RefusedCallback("must not be an IPv4-mapped IPv6 address");
                }
            } catch (UnknownHostException e) {
                throw new RefusedCallback("must name a valid host");
            }
            return literal.toLowerCase(Locale.ROOT);
        }
        String host = raw.toLowerCase(Locale.ROOT);
        String name = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        String last = name.substring(name.lastIndexOf('.') + 1);
        if (NUMERIC_LABEL.matcher(last).matches() && !DOTTED_QUAD.matcher(name).matches()) {
            // 0177.0.0.1, 2130706433, 0x7f.1: resolvers disagree on what these mean.
            throw new RefusedCallback("must write an IPv4 address as four decimal numbers (a.b.c.d)");
        }
        return name;
    }

    /** The port to name in the Host header: none when it is the scheme's default. */
    public int explicitPort() {
        return port == (https ? 443 : 80) ? -1 : port;
    }

    /**
     * The address to connect to, chosen from every address the host resolved to: each must be allowed,
     * not just the first. Under the local-demo exception a host that resolves only to loopback may be
     * used over http or https; otherwise https to public addresses only.
     */
    public InetAddress target(List<InetAddress> resolved, boolean allowInsecureLocal) {
        boolean loopbackOnly = !resolved.isEmpty() && resolved.stream().allMatch(ReceiverAddresses::isLoopback);
        if (allowInsecureLocal && loopbackOnly) {
            return resolved.getFirst();
        }
        if (!https) {
            throw new RefusedCallback(
                    "must be an https URL (http is allowed only to this machine's loopback, in the local demo)");
        }
        if (resolved.isEmpty()) {
            throw new RefusedCallback("has a host that does not resolve");
        }
        for (InetAddress address : resolved) {
            ReceiverAddresses.refusal(address).ifPresent(why -> {
                throw new RefusedCallback("has a host that resolves to " + why);
            });
        }
        return resolved.getFirst();
    }
}
