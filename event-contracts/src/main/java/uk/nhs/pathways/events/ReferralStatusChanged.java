package uk.nhs.pathways.events;

import java.time.Instant;

/**
 * A referral moved to a new status after its funding decision.
 *
 * @param status {@code OFFERED} (funded, sent to the provider) or {@code NEEDS_ATTENTION} (not funded)
 * @param reason why, in words a referrer and a commissioner can act on
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
