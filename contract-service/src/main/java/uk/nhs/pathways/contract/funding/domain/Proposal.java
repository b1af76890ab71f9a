package uk.nhs.pathways.contract.funding.domain;

import java.time.Instant;
import java.time.LocalDate;
import uk.nhs.pathways.events.InvalidEventException;
import uk.nhs.pathways.events.Joint;
import uk.nhs.pathways.events.ReferralRerouted;
import uk.nhs.pathways.events.ReferralSubmitted;
import uk.nhs.pathways.platform.time.England;

/**
 * One proposal of a referral to a provider's class, whose funding the commissioner decides: the first
 * route ({@code referral.submitted}) or a later one ({@code referral.rerouted}).
 *
 * @param routeNumber 1 for the first route, then each re-route's number
 * @param sessions    sessions of the course proposed, checked against contract caps
 * @param proposedAt  when it was proposed: its day in England is the day contracts must be in force
 */
public record Proposal(
        String referralId,
        int routeNumber,
        String practiceOdsCode,
        Joint joint,
        String classId,
        String siteId,
        String providerId,
        int sessions,
        Instant proposedAt) {

    /** An event without what the decision asks about cannot be decided: it belongs in dead letters. */
    public Proposal {
        if (referralId == null
                || practiceOdsCode == null
                || joint == null
                || providerId == null
                || siteId == null
                || proposedAt == null) {
            throw new InvalidEventException("proposal of referral " + referralId + ", route " + routeNumber
                    + " lacks its practice, joint, site, provider or time");
        }
    }

    /** The day in England it was proposed: the day the contracts must be in force. */
    public LocalDate day() {
        return proposedAt.atZone(England.ZONE).toLocalDate();
    }

    /** The first route; an event from before route numbers (0) is route 1. */
    public static Proposal of(ReferralSubmitted s) {
        return new Proposal(
                s.referralId(),
                Math.max(1, s.routeNumber()),
                s.practiceOdsCode(),
                s.joint(),
                s.classId(),
                s.siteId(),
                s.providerId(),
                s.sessions(),
                s.submittedAt());
    }

    /** A later route; one numbered 1 or below is not a re-route and cannot be decided. */
    public static Proposal of(ReferralRerouted r) {
        if (r.routeNumber() < 2) {
            throw new InvalidEventException("referral.rerouted " + r.referralId() + " has route number "
                    + r.routeNumber() + "; a re-route is route 2 or later");
        }
        return new Proposal(
                r.referralId(),
                r.routeNumber(),
                r.practiceOdsCode(),
                r.joint(),
                r.classId(),
                r.siteId(),
                r.providerId(),
                r.sessions(),
                r.reroutedAt());
    }
}
