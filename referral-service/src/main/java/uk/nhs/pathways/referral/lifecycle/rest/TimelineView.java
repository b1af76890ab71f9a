package uk.nhs.pathways.referral.lifecycle.rest;

import java.time.OffsetDateTime;
import uk.nhs.pathways.events.ReferralStatus;
import uk.nhs.pathways.referral.lifecycle.domain.TimelineEntry;

/** One status change: when, from and to, why (coded and in words), any note, and who made it. */
public record TimelineView(
        OffsetDateTime at,
        ReferralStatus from,
        ReferralStatus to,
        String reasonCode,
        String reason,
        String note,
        String actorRole,
        String actorOrganisation,
        String providerId,
        String classId,
        int routeNumber) {

    static TimelineView of(TimelineEntry e) {
        return new TimelineView(
                e.occurredAt,
                e.from,
                e.to,
                e.reasonCode,
                e.reason,
                e.note,
                e.actorRole,
                e.actorOrganisation,
                e.providerId,
                e.classId,
                e.routeNumber);
    }
}
