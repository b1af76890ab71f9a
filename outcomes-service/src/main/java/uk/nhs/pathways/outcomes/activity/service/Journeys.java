package uk.nhs.pathways.outcomes.activity.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import uk.nhs.pathways.events.CourseOutcome;
import uk.nhs.pathways.events.FundingDecided;
import uk.nhs.pathways.events.ReferralBooked;
import uk.nhs.pathways.events.ReferralBookingRequested;
import uk.nhs.pathways.events.ReferralRerouted;
import uk.nhs.pathways.events.ReferralStatus;
import uk.nhs.pathways.events.ReferralStatusChanged;
import uk.nhs.pathways.events.ReferralSubmitted;
import uk.nhs.pathways.outcomes.activity.domain.ReferralJourney;
import uk.nhs.pathways.outcomes.practice.service.Practices;

/**
 * Folds referral and funding events into one journey per referral. Events of one referral can arrive
 * from two topics in any order, so each handler fills in only what it knows and never moves a decided
 * referral back to SUBMITTED. The two consumers take the journey's row lock, so they wait for each
 * other instead of failing on a concurrent update.
 */
@ApplicationScoped
public class Journeys {

    @Inject
    Clock clock;

    @Inject
    Practices practices;

    @Transactional(Transactional.TxType.MANDATORY)
    public void submitted(ReferralSubmitted event) {
        ReferralJourney journey = journey(event.referralId());
        journey.patientPseudonym = event.patientPseudonym();
        journey.practiceOdsCode = event.practiceOdsCode();
        journey.icb = practices.icbOf(event.practiceOdsCode()).orElse(null);
        journey.pcnCode = practices.pcnOf(event.practiceOdsCode()).orElse(null);
        journey.joint = event.joint();
        journey.ageBand = event.ageBand();
        journey.siteId = event.siteId();
        journey.providerId = event.providerId();
        journey.classId = event.classId();
        journey.routeNumber = Math.max(1, event.routeNumber());
        journey.sessions = event.sessions();
        journey.submittedAt = event.submittedAt().atOffset(ZoneOffset.UTC);
        journey.persist();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void statusChanged(ReferralStatusChanged event) {
        ReferralJourney journey = journey(event.referralId());
        journey.status = event.status();
        if (journey.decidedAt == null) {
            journey.decidedAt = event.changedAt().atOffset(ZoneOffset.UTC); // the first status after submission
        }
        if (event.status() == ReferralStatus.OFFERED && journey.firstOfferedAt == null) {
            journey.firstOfferedAt = event.changedAt().atOffset(ZoneOffset.UTC);
        }
        if (journey.siteId == null) {
            journey.siteId = event.siteId();
            journey.providerId = event.providerId();
        }
        if (journey.practiceOdsCode == null && event.practiceOdsCode() != null) {
            journey.practiceOdsCode = event.practiceOdsCode();
            journey.icb = practices.icbOf(event.practiceOdsCode()).orElse(null);
            journey.pcnCode = practices.pcnOf(event.practiceOdsCode()).orElse(null);
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
        journey.classId = event.classId();
        journey.routeNumber = event.routeNumber();
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
        journey.siteId = event.siteId();
        journey.providerId = event.providerId();
        journey.bookedAt = event.bookedAt().atOffset(ZoneOffset.UTC);
        if (journey.firstBookedAt == null) {
            journey.firstBookedAt = journey.bookedAt;
        }
        journey.persist();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void fundingDecided(FundingDecided event) {
        ReferralJourney journey = journey(event.referralId());
        journey.commissionerIcb = event.commissionerIcb();
        journey.persist();
    }

    /** The person attended a first session: the referral is under way. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void courseStarted(String referralId) {
        ReferralJourney journey = journey(referralId);
        journey.status = ReferralStatus.IN_PROGRESS;
        journey.persist();
    }

    /** The course ended: the referral's final status is the course's outcome. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void courseEnded(String referralId, CourseOutcome outcome) {
        ReferralJourney journey = journey(referralId);
        journey.status = ReferralStatus.valueOf(outcome.name());
        journey.persist();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<ReferralJourney> find(String referralId) {
        return ReferralJourney.findByIdOptional(referralId);
    }

    /** The journey, created if new, locked for this transaction. */
    private ReferralJourney journey(String referralId) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        ReferralJourney.getEntityManager()
                .createNativeQuery("""
                        insert into referral_journey (referral_id, status, updated_at, version)
                        values (:id, :status, :now, 0) on conflict (referral_id) do nothing""")
                .setParameter("id", referralId)
                .setParameter("status", ReferralStatus.SUBMITTED.name())
                .setParameter("now", now)
                .executeUpdate();
        ReferralJourney journey = ReferralJourney.findById(referralId, LockModeType.PESSIMISTIC_WRITE);
        journey.updatedAt = now;
        return journey;
    }
}
