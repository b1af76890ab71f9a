package uk.nhs.pathways.events;

import java.time.Instant;

/**
 * A referral moved to a status whose event carries no more than this: offered, needs attention, accepted,
 * declined, booking cancelled, withdrawn (docs/events.md).
 *
 * @param reason     why, in words the platform wrote (never a person's free text)
 * @param reasonCode the same, coded (e.g. NOT_FUNDED, NOT_SUITABLE); null where there is none
 */
public record ReferralStatusChanged(
        String referralId,
        ReferralStatus status,
        String siteId,
        String providerId,
        String practiceOdsCode,
        String reason,
        Instant changedAt,
        String reasonCode) {}
