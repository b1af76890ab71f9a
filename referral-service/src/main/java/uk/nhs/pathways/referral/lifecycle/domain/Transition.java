package uk.nhs.pathways.referral.lifecycle.domain;

import java.time.OffsetDateTime;
import java.util.List;
import uk.nhs.pathways.events.ReferralStatus;
import uk.nhs.pathways.events.RerouteCause;

/**
 * One move a referral made, as the aggregate records it for the service to announce (event, timeline,
 * {@link ReferralTransitioned}) in the same transaction.
 *
 * @param from       null for a new referral
 * @param reasonCode the coded reason, when there is one
 * @param reason     the reason in words the platform wrote (never a person's free text)
 * @param note       the referrer's or provider's own words, kept in this service only; or null
 * @param cause      why a referral moved on to another class, for a re-route
 * @param classIds   for a booking request: the classes asked for, the provider's choice first
 */
public record Transition(
        ReferralStatus from,
        ReferralStatus to,
        String reasonCode,
        String reason,
        String note,
        OffsetDateTime at,
        RerouteCause cause,
        List<String> classIds) {}
