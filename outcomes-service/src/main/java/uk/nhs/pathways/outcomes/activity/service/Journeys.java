package uk.nhs.pathways.outcomes.activity.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import uk.nhs.pathways.events.FundingDecided;
import uk.nhs.pathways.events.ReferralBooked;
import uk.nhs.pathways.events.ReferralBookingRequested;
import uk.nhs.pathways.events.ReferralRerouted;
import uk.nhs.pathways.events.ReferralStatus;
import uk.nhs.pathways.events.ReferralStatusChanged;
import uk.nhs.pathways.events.ReferralSubmitted;
import uk.nhs.pathways.outcomes.activity.domain.ReferralJourney;

/**
 * Folds referral and funding events into one journey per referral. Events of one referral can arrive
 * from two topics in any order, so each handler fills in only what it knows and never moves a decided
 * referral back to SUBMITTED.
 */
@ApplicationScoped
public class Journeys {

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public void submitted(ReferralSubmitted event) {
        ReferralJourney journey = journey(event.referralId());
        journey.patientPseudonym = event.patientPseudonym();
        journey.practiceOdsCode = event.practiceOdsCode();
        journey.joint = event.joint();
        journey.siteId = event.siteId();
        journey.providerId = event.providerId();
        journey.sessions = event.sessions();
        journey.submittedAt = event.submittedAt().atOffset(ZoneOffset.UTC);
        if (journey.status == null) {
            journey.status = ReferralStatus.SUBMITTED;
        }
        journey.persist();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void statusChanged(ReferralStatusChanged event) {
        ReferralJourney journey = journey(event.referralId());
        journey.status = event.status();
        if (journey.decidedAt == null) {
            journey.decidedAt = event.changedAt().atOffset(ZoneOffset.UTC); // the first status after submission
        }
        if (journey.siteId == null) {
            journey.siteId = event.siteId();
            journey.providerId = event.providerId();
        }
        if (journey.practiceOdsCode == null) {
            journey.practiceOdsCode = event.practiceOdsCode();
        }
        journey.persist();
    }

    /** Moved on to another class: the journey follows it to the new site and provider. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void rerouted(ReferralRerouted event) {
        ReferralJourney journey = journey(event.referralId());
        journey.status = ReferralStatus.SUBMITTED;
        journey.siteId = event.siteId();
        journey.providerId = event.providerId();
        journey.sessions = event.sessions();
        journey.persist();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void bookingRequested(ReferralBookingRequested event) {
        ReferralJourney journey = journey(event.referralId());
        journey.status = ReferralStatus.BOOKING_REQUESTED;
        journey.persist();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void booked(ReferralBooked event) {
        ReferralJourney journey = journey(event.referralId());
        journey.status = ReferralStatus.BOOKED;
        journey.classId = event.classId();
        journey.bookedAt = event.bookedAt().atOffset(ZoneOffset.UTC);
        journey.persist();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void fundingDecided(FundingDecided event) {
        ReferralJourney journey = journey(event.referralId());
        journey.commissionerIcb = event.commissionerIcb();
        if (journey.status == null) {
            journey.status = ReferralStatus.SUBMITTED;
        }
        journey.persist();
    }

    private ReferralJourney journey(String referralId) {
        ReferralJourney journey = ReferralJourney.findById(referralId);
        if (journey == null) {
            journey = new ReferralJourney();
            journey.referralId = referralId;
        }
        journey.updatedAt = OffsetDateTime.now(clock);
        return journey;
    }
}
