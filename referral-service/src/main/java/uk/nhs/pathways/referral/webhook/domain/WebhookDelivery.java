package uk.nhs.pathways.referral.webhook.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One status change on its way to one subscription: written in the transaction of the change (an
 * outbox, so a change is never announced without happening nor happens unannounced), then sent until
 * the receiver takes it or the attempts run out. Its body is fixed when it is written, so every
 * attempt carries the same delivery id and payload.
 */
@Entity
@Table(name = "webhook_delivery")
public class WebhookDelivery extends PanacheEntityBase {

    public enum State {
        PENDING,
        DELIVERED,
        /** Every attempt failed; later deliveries of the same referral go on without it. */
        GAVE_UP
    }

    /** The delivery id: the Pathways-Delivery-Id header and the body's deliveryId. */
    @Id
    public UUID id;

    /** Order of writing: deliveries of one referral to one subscription go in this order. */
    @Column(insertable = false, updatable = false)
    public Long seq;

    @Column(name = "subscription_id")
    public UUID subscriptionId;

    @Column(name = "referral_id")
    public UUID referralId;

    @Column(name = "event_type")
    public String eventType;

    /** The exact body sent and signed. */
    public String payload;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Enumerated(EnumType.STRING)
    public State state;

    /** Attempts started, counted when claimed (so a replica that dies mid-attempt still uses one up). */
    public int attempts;

    /** When it is due; while an attempt is in flight, when that attempt's claim lapses. */
    @Column(name = "next_attempt_at")
    public OffsetDateTime nextAttemptAt;

    @Column(name = "last_attempt_at")
    public OffsetDateTime lastAttemptAt;

    @Column(name = "delivered_at")
    public OffsetDateTime deliveredAt;

    /** Why the last attempt failed, e.g. "HTTP 500" or "timed out"; never a response body. */
    @Column(name = "last_error")
    public String lastError;

    public static WebhookDelivery queue(
            UUID id, UUID subscriptionId, UUID referralId, String eventType, String payload, OffsetDateTime at) {
        WebhookDelivery delivery = new WebhookDelivery();
        delivery.id = id;
        delivery.subscriptionId = subscriptionId;
        delivery.referralId = referralId;
        delivery.eventType = eventType;
        delivery.payload = payload;
        delivery.createdAt = at;
        delivery.state = State.PENDING;
        delivery.nextAttemptAt = at;
        return delivery;
    }

    /** Taken by a dispatcher for one attempt; if no result is recorded within the lease, it is due again. */
    public void claim(OffsetDateTime at, Duration lease) {
        attempts++;
        lastAttemptAt = at;
        nextAttemptAt = at.plus(lease);
    }

    public void delivered(OffsetDateTime at) {
        state = State.DELIVERED;
        deliveredAt = at;
        lastError = null;
    }

    /** The attempt failed: due again after the back-off, or given up. Returns whether it was given up. */
    public boolean failed(String reason, OffsetDateTime at, RetryPolicy policy) {
        lastError = reason;
        if (attempts >= policy.maxAttempts()) {
            state = State.GAVE_UP;
            return true;
        }
        nextAttemptAt = at.plus(policy.backoffAfter(attempts));
        return false;
    }
}
