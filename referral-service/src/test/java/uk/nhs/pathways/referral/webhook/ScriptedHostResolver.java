package uk.nhs.pathways.referral.webhook;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import uk.nhs.pathways.referral.webhook.service.HostResolver;

/**
 * The system resolver, except for names under {@code .rebind.test}, which answer whatever the test
 * says at that moment: a name that changes its answer between registration and delivery, as in a DNS
 * rebinding attack. Real DNS cannot resolve these names, so a request that reaches a receiver under
 * one of them went to the address the platform checked, not to a lookup of its own.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class ScriptedHostResolver extends HostResolver {

    private static final Map<String, List<InetAddress>> ANSWERS = new ConcurrentHashMap<>();

    static void answer(String host, String... addresses) {
        ANSWERS.put(
                host,
                java.util.Arrays.stream(addresses)
                        .map(ScriptedHostResolver::literal)
                        .toList());
    }

    @Override
    public List<InetAddress> resolve(String host) {
        if (host.endsWith(".rebind.test")) {
            return ANSWERS.getOrDefault(host, List.of());
        }
        return super.resolve(host);
    }

    private static InetAddress literal(String address) {
        try {
            return InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(address, e);
        }
    }
}
