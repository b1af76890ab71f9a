package uk.nhs.pathways.referral.webhook.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import uk.nhs.pathways.referral.webhook.WebhookConfig;
import uk.nhs.pathways.referral.webhook.domain.CallbackUrl;
import uk.nhs.pathways.referral.webhook.domain.RefusedCallback;

/**
 * Decides where a callback URL may be sent, now: reads it, resolves its host, and checks every address
 * (CallbackUrl.target). Asked at registration and again before every attempt, so a name that later
 * resolves somewhere private (DNS rebinding) is refused; the attempt then connects to the address
 * checked here.
 */
@ApplicationScoped
public class Receivers {

    /** A callback URL and the address its request goes to. */
    public record Target(CallbackUrl url, InetAddress address) {}

    @Inject
    HostResolver resolver;

    @Inject
    WebhookConfig config;

    /** @throws RefusedCallback saying why not */
    public Target target(String callbackUrl) {
        CallbackUrl url = CallbackUrl.parse(callbackUrl, config.allowInsecureLocal());
        return new Target(url, url.target(resolver.resolve(url.host()), config.allowInsecureLocal()));
    }
}
