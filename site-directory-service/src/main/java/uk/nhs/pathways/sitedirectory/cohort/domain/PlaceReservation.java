package uk.nhs.pathways.sitedirectory.cohort.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/**
 * A place in a class held for a referral. Held until released; a released reservation stays, saying
 * when and why. The database allows one held reservation per referral, and the class's places taken
 * count the held ones.
 */
@Entity
@Table(name = "place_reservation")
public class PlaceReservation extends PanacheEntityBase {

    /** Why a referral gave its place back. */
    public enum Release {
        /** The provider cancelled the booking (the person may be booked again). */
        BOOKING_CANCELLED,
        /** The referrer withdrew the referral. */
        WITHDRAWN,
        /** A later booking request of the referral got a place in another class. */
        MOVED
    }

    @Id
    public UUID id;

    @Column(name = "referral_id")
    public String referralId;

    /** The class's id, not the entity: loading a reservation never loads (or locks) its class. */
    @Column(name = "class_id")
    public String classId;

    @Column(name = "request_number")
    public int requestNumber;

    @Column(name = "reserved_at")
    public OffsetDateTime reservedAt;

    @Column(name = "released_at")
    public OffsetDateTime releasedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "released_because")
    public Release releasedBecause;

    public static PlaceReservation hold(String referralId, String classId, int requestNumber, OffsetDateTime at) {
        PlaceReservation reservation = new PlaceReservation();
        reservation.id = UUID.randomUUID();
        reservation.referralId = referralId;
        reservation.classId = classId;
        reservation.requestNumber = requestNumber;
        reservation.reservedAt = at;
        return reservation;
    }

    /** The place the referral holds now, if any. */
    public static Optional<PlaceReservation> heldBy(String referralId) {
        return find("referralId = ?1 and releasedAt is null", referralId).firstResultOptional();
    }

    public void release(Release because, OffsetDateTime at) {
        releasedAt = at;
        releasedBecause = because;
    }
}
