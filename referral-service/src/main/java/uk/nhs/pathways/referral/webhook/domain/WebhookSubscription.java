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
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A practice's clinical system asking to hear about its referrals' status changes at a callback URL,
 * and how well that has been going: a subscription that keeps failing becomes FAILING, then
 * SUSPENDED, so one dead receiver costs the platform little and never holds up anything else.
 */
@Entity
@Table(name = "webhook_subscription")
public class WebhookSubscription extends PanacheEntityBase {

    public enum Status {
        /** Deliveries go through, or have not failed for long. */
        ACTIVE,
        /** No delivery has got through for longer than the failing threshold; still tried. */
        FAILING,
        /** No delivery has got through for longer than the suspension threshold: nothing more is queued. */
        SUSPENDED
    }

    /** Subscriptions that are still sent new status changes. */
    public static final Set<Status> RECEIVING = EnumSet.of(Status.ACTIVE, Status.FAILING);

    @Id
    public UUID id;

    @Column(name = "practice_ods_code")
    public String practiceOdsCode;

    @Column(name = "callback_url")
    public String callbackUrl;

    /** The signing secret, encrypted with the service's webhook key; shown to the subscriber only once. */
    @Column(name = "secret_sealed")
    public byte[] secretSealed;

    @Enumerated(EnumType.STRING)
    public Status status;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    /** Subject of the token that registered it. */
    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "last_success_at")
    public OffsetDateTime lastSuccessAt;

    @Column(name = "last_failure_at")
    public OffsetDateTime lastFailureAt;

    /** The first failure since the last success; null while deliveries get through. */
    @Column(name = "failing_since")
    public OffsetDateTime failingSince;

    /** What went wrong last, e.g. "HTTP 503" (never a response body). */
    @Column(name = "last_failure")
    public String lastFailure;

    public static WebhookSubscription register(
            UUID id,
            String practiceOdsCode,
            CallbackUrl url,
            byte[] secretSealed,
            String createdBy,
            OffsetDateTime at) {
        WebhookSubscription subscription = new WebhookSubscription();
        subscription.id = id;
        subscription.practiceOdsCode = practiceOdsCode;
        subscription.callbackUrl = url.text();
        subscription.secretSealed = secretSealed;
        subscription.status = Status.ACTIVE;
        subscription.createdAt = at;
        subscription.createdBy = createdBy;
        return subscription;
    }

    public boolean receives() {
        return RECEIVING.contains(status);
    }

    /** A delivery got through: the receiver is healthy. Returns the status it left, if it was not ACTIVE. */
    public Optional<Status> delivered(OffsetDateTime at) {
        Status before = status;
        status = Status.ACTIVE;
        failingSince = null;
        lastSuccessAt = at;
        return before == Status.ACTIVE ? Optional.empty() : Optional.of(before);
    }

    /** A delivery failed. Returns the status it moved to, if this failure moved it. */
    public Optional<Status> failed(String reason, OffsetDateTime at, RetryPolicy policy) {
        lastFailureAt = at;
        lastFailure = reason;
        if (failingSince == null) {
            failingSince = at;
        }
        Duration failing = Duration.between(failingSince, at);
        Status next = status;
        if (failing.compareTo(policy.suspendAfter()) >= 0) {
            next = Status.SUSPENDED;
        } else if (failing.compareTo(policy.failingAfter()) >= 0 && status == Status.ACTIVE) {
            next = Status.FAILING;
        }
        if (next == status) {
            return Optional.empty();
        }
        status = next;
        return Optional.of(next);
    }
}
