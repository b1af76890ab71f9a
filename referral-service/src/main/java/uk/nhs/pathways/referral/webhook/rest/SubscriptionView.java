package uk.nhs.pathways.referral.webhook.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.nhs.pathways.referral.webhook.domain.WebhookSubscription;
import uk.nhs.pathways.referral.webhook.service.Subscriptions;

/** A subscription and how its deliveries are going. The secret appears only in the answer to its creation. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SubscriptionView(
        UUID id,
        String practiceOdsCode,
        String callbackUrl,

        @Schema(
                description = "ACTIVE; FAILING when nothing has got through for a while; SUSPENDED when nothing "
                        + "has got through for long: no more deliveries are queued (delete it and subscribe again)")
        WebhookSubscription.Status status,

        OffsetDateTime createdAt,
        OffsetDateTime lastSuccessAt,
        OffsetDateTime lastFailureAt,

        @Schema(description = "The first failure since the last success")
        OffsetDateTime failingSince,

        @Schema(description = "What went wrong last, e.g. HTTP 503 or timed out")
        String lastFailure,

        @Schema(description = "Deliveries still to be sent") long pendingDeliveries,

        @Schema(
                description = "The signing secret: only in the answer to POST, never shown again. Keep it "
                        + "in your secret store; see README, Webhooks, for how to verify a signature.")
        String secret) {

    static SubscriptionView of(Subscriptions.Health health) {
        return of(health.subscription(), health.pendingDeliveries(), null);
    }

    static SubscriptionView created(Subscriptions.Registered registered) {
        return of(registered.subscription(), 0, registered.secret());
    }

    private static SubscriptionView of(WebhookSubscription s, long pending, String secret) {
        return new SubscriptionView(
                s.id,
                s.practiceOdsCode,
                s.callbackUrl,
                s.status,
                s.createdAt,
                s.lastSuccessAt,
                s.lastFailureAt,
                s.failingSince,
                s.lastFailure,
                pending,
                secret);
    }
}
