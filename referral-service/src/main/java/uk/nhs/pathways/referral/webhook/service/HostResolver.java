package uk.nhs.pathways.referral.webhook.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** Every address a callback's host resolves to (the system resolver); empty when it does not resolve. */
@ApplicationScoped
public class HostResolver {

    public List<InetAddress> resolve(String host) {
        try {
            return List.of(InetAddress.getAllByName(host));
        } catch (UnknownHostException e) {
            return List.of();
        }
    }
}
