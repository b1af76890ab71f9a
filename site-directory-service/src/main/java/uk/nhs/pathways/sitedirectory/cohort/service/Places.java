package uk.nhs.pathways.sitedirectory.cohort.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hibernate.Session;
import uk.nhs.pathways.events.EventType;
import uk.nhs.pathways.events.InvalidEventException;
import uk.nhs.pathways.events.PlaceRefusal;
import uk.nhs.pathways.events.PlaceRefused;
import uk.nhs.pathways.events.PlaceReserved;
import uk.nhs.pathways.events.ReferralBookingRequested;
import uk.nhs.pathways.events.ReferralStatusChanged;
import uk.nhs.pathways.platform.outbox.Outbox;
import uk.nhs.pathways.sitedirectory.cohort.domain.Cohort;
import uk.nhs.pathways.sitedirectory.cohort.domain.PlaceReservation;

/**
 * Places in classes, reserved by the directory because it owns capacity. A booking request is answered
 * in the transaction that applies it: a place reserved in the first class asked that takes the person
 * ({@code place.reserved}) or, class by class, why none does ({@code place.refused}); with the class's
 * new state when a place was taken or given back.
 *
 * <p>Why it cannot overbook, whatever runs at the same time (another consumer, a replica, an API edit):
 * a place is only ever taken on the class's row as it is now and locked until commit
 * ({@code SELECT ... FOR UPDATE}), so two takers of the last place are served one after the other and the
 * second sees it gone; the database refuses places taken above capacity besides. And a referral never
 * holds two places: its requests and releases are serialised on a lock of their own (a transaction-level
 * advisory lock on the referral id), and the database allows one held reservation per referral.
 */
@ApplicationScoped
public class Places {

    /** First key of the referral locks ("PLAC"), so they never meet advisory locks taken for anything else. */
    private static final int REFERRAL_LOCKS = 0x504c4143;

    @Inject
    Classes classes;

    @Inject
    Outbox outbox;

    @Inject
    EntityManager entityManager;

    @Inject
    Clock clock;

    /**
     * Answers a booking request. Asked again for a class it already holds a place in, the referral gets
     * that place again (a retry changes nothing); a place in another class it holds is given back only once
     * a new one is reserved.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void requested(ReferralBookingRequested request) {
        requireComplete(request);
        lockReferral(request.referralId());
        Optional<PlaceReservation> held = PlaceReservation.heldBy(request.referralId());
        if (held.isPresent() && request.classIds().contains(held.get().classId)) {
            answerReserved(request, held.get(), Cohort.findById(held.get().classId));
            return;
        }
        List<PlaceRefused.ClassRefusal> refusals = new ArrayList<>();
        for (String classId : request.classIds()) {
            Cohort cohort = Cohort.findById(classId);
            PlaceRefusal refusal = cohort == null ? PlaceRefusal.UNKNOWN_CLASS : take(cohort, request);
            if (refusal == null) {
                held.ifPresent(moved -> release(moved, PlaceReservation.Release.MOVED));
                PlaceReservation reservation =
                        PlaceReservation.hold(request.referralId(), classId, request.requestNumber(), now());
                reservation.persistAndFlush();
                answerReserved(request, reservation, cohort);
                return;
            }
            refusals.add(new PlaceRefused.ClassRefusal(classId, refusal));
        }
        outbox.record(
                EventType.PLACE_REFUSED,
                request.referralId(),
                new PlaceRefused(request.referralId(), request.requestNumber(), refusals, clock.instant()));
    }

    /** The referral gives back the place it holds, if any (a repeated release changes nothing). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void released(ReferralStatusChanged change, PlaceReservation.Release because) {
        if (change.referralId() == null || change.referralId().isBlank()) {
            throw new InvalidEventException(change.status() + " event names no referral");
        }
        lockReferral(change.referralId());
        PlaceReservation.heldBy(change.referralId()).ifPresent(held -> release(held, because));
    }

    /**
     * A place in the class, or why not. Refused on the class as read; a place is only taken on the row
     * re-read under its lock, which is held until the transaction ends.
     */
    private PlaceRefusal take(Cohort cohort, ReferralBookingRequested request) {
        PlaceRefusal asRead = cohort.refusalOfPlace(request.providerId(), request.joint(), request.maxSessions());
        if (asRead != null) {
            return asRead;
        }
        entityManager.refresh(cohort, LockModeType.PESSIMISTIC_WRITE);
        PlaceRefusal refusal = cohort.takePlace(request.providerId(), request.joint(), request.maxSessions());
        if (refusal == null) {
            cohort.updatedAt = now();
            classes.written(cohort);
        }
        return refusal;
    }

    private void release(PlaceReservation held, PlaceReservation.Release because) {
        held.release(because, now());
        Cohort cohort = Cohort.findById(held.classId);
        entityManager.refresh(cohort, LockModeType.PESSIMISTIC_WRITE);
        cohort.releasePlace();
        cohort.updatedAt = now();
        classes.written(cohort); // flushes the reservation too, before any new one is inserted
    }

    private void answerReserved(ReferralBookingRequested request, PlaceReservation reservation, Cohort cohort) {
        outbox.record(
                EventType.PLACE_RESERVED,
                request.referralId(),
                new PlaceReserved(
                        request.referralId(),
                        request.requestNumber(),
                        cohort.id,
                        cohort.site.id,
                        cohort.site.provider.id,
                        cohort.sessions,
                        cohort.startDate,
                        reservation.reservedAt.toInstant()));
    }

    /** Serialises everything done for one referral until this transaction ends, across consumers and replicas. */
    private void lockReferral(String referralId) {
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement lock = connection.prepareStatement("select pg_advisory_xact_lock(?, ?)")) {
                lock.setInt(1, REFERRAL_LOCKS);
                lock.setInt(2, referralId.hashCode()); // two referrals sharing a hash just wait for each other
                lock.execute();
            }
        });
    }

    private static void requireComplete(ReferralBookingRequested request) {
        String about = "booking request of referral " + request.referralId();
        if (request.referralId() == null || request.referralId().isBlank()) {
            throw new InvalidEventException("booking request names no referral");
        }
        if (request.classIds() == null
                || request.classIds().isEmpty()
                || request.classIds().stream().anyMatch(id -> id == null || id.isBlank())) {
            throw new InvalidEventException(about + " names no class, or a blank one");
        }
        if (request.providerId() == null || request.joint() == null) {
            throw new InvalidEventException(about + " names no provider or no joint");
        }
    }

    /** Now, as precisely as the database keeps it, so an answer given again is the same answer. */
    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
