package uk.nhs.pathways.referral.webhook;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Webhook settings (pathways.webhooks.*, or PATHWAYS_WEBHOOKS_… environment variables). */
@ConfigMapping(prefix = "pathways.webhooks")
public interface WebhookConfig {

    /**
     * The local-demo exception: also accept receivers on this machine's loopback (127.0.0.0/8, ::1), over
     * http as well as https. False by default, so production refuses them; application.properties turns it
     * on only for the local demo run and the tests.
     */
    @WithDefault("false")
    boolean allowInsecureLocal();

    /**
     * Key that encrypts each subscription's signing secret at rest (AES-256-GCM). No default in code;
     * application.properties has a local-demo key, which PATHWAYS_WEBHOOK_SECRET_KEY (from a secret
     * store) replaces anywhere real subscribers register.
     */
    String secretKey();

    /** Subscriptions one practice may hold. */
    @WithDefault("10")
    int maxSubscriptionsPerPractice();

    /** Attempts per delivery before it is given up. */
    @WithDefault("10")
    int maxAttempts();

    /** Wait after the first failed attempt; doubled after each further one. */
    @WithDefault("30s")
    Duration initialBackoff();

    /** Longest wait between two attempts of a delivery. */
    @WithDefault("1h")
    Duration maxBackoff();

    /** A subscription without a successful delivery for this long after a failure is FAILING. */
    @WithDefault("15m")
    Duration failingAfter();

    /** ... and for this long SUSPENDED: nothing more is queued or sent to it. */
    @WithDefault("24h")
    Duration suspendAfter();

    @WithDefault("5s")
    Duration connectTimeout();

    /** Whole exchange after connecting: the receiver must answer within it. */
    @WithDefault("10s")
    Duration responseTimeout();

    /** How often the dispatcher looks for due retries when no commit woke it. */
    @WithDefault("1s")
    Duration pollInterval();

    /** Requests in flight at once, per replica. */
    @WithDefault("32")
    int maxInFlight();

    /** Requests in flight at once to one subscription, per replica: a slow receiver cannot take every slot. */
    @WithDefault("4")
    int maxInFlightPerSubscription();

    /** How long delivered and given-up deliveries are kept (for GET and inspection) before they are purged. */
    @WithDefault("P7D")
    Duration retention();
}
