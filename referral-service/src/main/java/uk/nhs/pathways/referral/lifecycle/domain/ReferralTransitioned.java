package uk.nhs.pathways.referral.lifecycle.domain;

import java.time.OffsetDateTime;
import java.util.UUID;
import uk.nhs.pathways.events.ReferralStatus;

/**
 * A referral moved from one status to another. Fired as a synchronous CDI event, inside the
 * transaction of the move, for every transition: the timeline records it and webhook subscriptions
 * queue a delivery for it in the same transaction, so neither can miss or invent a change.
 *
 * @param from            null for a new referral
 * @param reasonCode      the coded reason, when there is one (never free text)
 * @param actorRole       the role that made the move ({@code referrer}, {@code provider}) or {@code system}
 * @param actorOrganisation the actor's organisation, or the service that decided it (e.g. contract-service)
 */
public record ReferralTransitioned(
        UUID referralId,
        String practiceOdsCode,
        String providerId,
        ReferralStatus from,
        ReferralStatus to,
        String reasonCode,
        String actorRole,
        String actorOrganisation,
        OffsetDateTime at) {}
