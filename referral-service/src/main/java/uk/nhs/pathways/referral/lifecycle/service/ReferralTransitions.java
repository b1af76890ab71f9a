package uk.nhs.pathways.referral.lifecycle.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import uk.nhs.pathways.events.EventType;
import uk.nhs.pathways.events.ReferralBooked;
import uk.nhs.pathways.events.ReferralBookingRequested;
import uk.nhs.pathways.events.ReferralRerouted;
import uk.nhs.pathways.events.ReferralStatus;
import uk.nhs.pathways.events.ReferralStatusChanged;
import uk.nhs.pathways.events.ReferralSubmitted;
import uk.nhs.pathways.platform.outbox.Outbox;
import uk.nhs.pathways.referral.audit.service.PatientDataAudit.Actor;
import uk.nhs.pathways.referral.lifecycle.domain.Referral;
import uk.nhs.pathways.referral.lifecycle.domain.ReferralTransitioned;
import uk.nhs.pathways.referral.lifecycle.domain.TimelineEntry;
import uk.nhs.pathways.referral.lifecycle.domain.Transition;

/**
 * The one place a referral's moves are announced. For each move the aggregate recorded, in the
 * transaction that made it: a timeline entry, the event through the outbox, and {@link
 * ReferralTransitioned} fired synchronously to its observers (webhooks). Every service method that moves a
 * referral ends here, so none of the three can miss a change or tell of one that did not commit.
 */
@ApplicationScoped
public class ReferralTransitions {

    @Inject
    Outbox outbox;

    @Inject
    Event<ReferralTransitioned> transitioned;

    /** Announces every move {@code referral} made since the last call, made by {@code actor}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void announce(Referral referral, Actor actor) {
        for (Transition move : referral.takeMoves()) {
            String organisation = organisationOf(actor);
            TimelineEntry entry = new TimelineEntry();
            entry.referralId = referral.id;
            entry.occurredAt = move.at();
            entry.from = move.from();
            entry.to = move.to();
            entry.reasonCode = move.reasonCode();
            entry.reason = move.reason();
            entry.note = move.note();
            entry.actorRole = actor.role();
            entry.actorOrganisation = organisation;
            entry.providerId = referral.providerId;
            entry.classId = classOf(referral, move.to());
            entry.routeNumber = referral.routeNumber;
            entry.persist();
            record(referral, move);
            transitioned.fire(new ReferralTransitioned(
                    referral.id,
                    referral.practiceOdsCode,
                    referral.providerId,
                    move.from(),
                    move.to(),
                    move.reasonCode(),
                    actor.role(),
                    organisation,
                    move.at()));
        }
    }

    /** The event of a move: one per transition, never with personal data or anyone's own words. */
    private void record(Referral referral, Transition move) {
        String id = referral.id.toString();
        switch (move.to()) {
            case SUBMITTED -> {
                if (move.cause() != null) {
                    outbox.record(
                            EventType.REFERRAL_REROUTED,
                            id,
                            new ReferralRerouted(
                                    id,
                                    referral.patientPseudonym,
                                    referral.practiceOdsCode,
                                    referral.joint,
                                    referral.routedClassId,
                                    referral.siteId,
                                    referral.providerId,
                                    referral.sessions,
                                    referral.distanceMetres,
                                    referral.routeNumber,
                                    move.cause(),
                                    move.at().toInstant()));
                } else {
                    // A new referral (route 1), or routed again by the FCP from NEEDS_ATTENTION: a fresh proposal.
                    outbox.record(
                            EventType.REFERRAL_SUBMITTED,
                            id,
                            new ReferralSubmitted(
                                    id,
                                    referral.patientPseudonym,
                                    referral.practiceOdsCode,
                                    referral.joint,
                                    referral.siteId,
                                    referral.providerId,
                                    referral.sessions,
                                    referral.distanceMetres,
                                    move.at().toInstant(),
                                    referral.routedClassId,
                                    referral.routeNumber,
                                    referral.ageBand()));
                }
            }
            case BOOKING_REQUESTED ->
                outbox.record(
                        EventType.REFERRAL_BOOKING_REQUESTED,
                        id,
                        new ReferralBookingRequested(
                                id,
                                referral.bookingRequestNumber,
                                referral.providerId,
                                referral.joint,
                                move.classIds(),
                                referral.fundedContacts(),
                                move.at().toInstant()));
            case BOOKED ->
                outbox.record(
                        EventType.REFERRAL_BOOKED,
                        id,
                        new ReferralBooked(
                                id,
                                referral.classId,
                                referral.siteId,
                                referral.providerId,
                                move.at().toInstant()));
            // The course's moves are told by the register's own events (course.started, course.ended), which
            // carry the course's figures and are recorded in this same transaction.
            case IN_PROGRESS, COMPLETED, DROPPED_OUT, DID_NOT_ATTEND -> {}
            default -> outbox.record(statusEvent(move.to()), id, statusChanged(referral, move));
        }
    }

    static EventType statusEvent(ReferralStatus to) {
        return switch (to) {
            case OFFERED -> EventType.REFERRAL_OFFERED;
            case NEEDS_ATTENTION -> EventType.REFERRAL_NEEDS_ATTENTION;
            case ACCEPTED -> EventType.REFERRAL_ACCEPTED;
            case DECLINED -> EventType.REFERRAL_DECLINED;
            case BOOKING_CANCELLED -> EventType.REFERRAL_BOOKING_CANCELLED;
            case WITHDRAWN -> EventType.REFERRAL_WITHDRAWN;
            case SUBMITTED, BOOKING_REQUESTED, BOOKED, IN_PROGRESS, COMPLETED, DROPPED_OUT, DID_NOT_ATTEND ->
                throw new IllegalArgumentException(to + " has its own event");
        };
    }

    private static ReferralStatusChanged statusChanged(Referral referral, Transition move) {
        return new ReferralStatusChanged(
                referral.id.toString(),
                move.to(),
                referral.siteId,
                referral.providerId,
                referral.practiceOdsCode,
                move.reason(),
                move.at().toInstant(),
                move.reasonCode());
    }

    private static String classOf(Referral referral, ReferralStatus to) {
        return switch (to) {
            case SUBMITTED -> referral.routedClassId;
            case BOOKING_REQUESTED -> referral.requestedClassId;
            case BOOKED, IN_PROGRESS, COMPLETED, DROPPED_OUT, DID_NOT_ATTEND -> referral.classId;
            default -> null;
        };
    }

    /** The actor's organisation; for the service itself, the service that decided (e.g. contract-service). */
    static String organisationOf(Actor actor) {
        if (actor.organisation() != null) {
            return actor.organisation();
        }
        return actor.user().startsWith("system:") ? actor.user().substring("system:".length()) : null;
    }
}
