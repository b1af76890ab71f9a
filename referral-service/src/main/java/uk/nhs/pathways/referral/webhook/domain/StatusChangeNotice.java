package uk.nhs.pathways.referral.webhook.domain;

import java.time.Instant;
import java.util.UUID;
import uk.nhs.pathways.events.ReferralStatus;

/**
 * The body of a webhook delivery: which referral of the practice moved to which status, and nothing
 * about the person (no NHS number, name, date of birth, postcode or free text). The receiver looks the
 * referral up through the API if it needs more.
 *
 * @param deliveryId     unique per delivery and equal to the Pathways-Delivery-Id header; signed with
 *                       the body, so a receiver can deduplicate on it safely
 * @param previousStatus null for a new referral
 * @param reasonCode     the coded reason for the move, when there is one
 */
public record StatusChangeNotice(
        UUID deliveryId,
        String type,
        UUID referralId,
        String practiceOdsCode,
        ReferralStatus status,
        ReferralStatus previousStatus,
        String reasonCode,
        Instant occurredAt) {

    /** The one event type sent today, also in the Pathways-Event-Type header. */
    public static final String TYPE = "referral.status-changed";
}
