package uk.nhs.pathways.referral.directory.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import uk.nhs.pathways.events.ClassStatus;
import uk.nhs.pathways.events.FacilitatorType;
import uk.nhs.pathways.events.Joint;
import java.util.Arrays;

/** This service's copy of a class (cohort) in the site directory, kept current from the classes topic; booking checks it. */
@Entity
@Table(name = "directory_class")
public class DirectoryClass extends PanacheEntityBase {

    @Id
    @Column(name = "class_id")
    public String classId;

    @Column(name = "site_id")
    public String siteId;

    @Column(name = "provider_id")
    public String providerId;

    /** "KNEE,HIP". */
    public String programmes;

    @Column(name = "start_date")
    public LocalDate startDate;

    /** "TUESDAY,THURSDAY". */
    public String days;

    @Column(name = "start_time")
    public LocalTime startTime;

    public int sessions;

    public int capacity;

    @Column(name = "places_taken")
    public int placesTaken;

    @Enumerated(EnumType.STRING)
    @Column(name = "facilitator_type")
    public FacilitatorType facilitatorType;

    @Enumerated(EnumType.STRING)
    public ClassStatus status;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    /** Only a class that has not started takes bookings. */
    public boolean takesBookings() {
        return status == ClassStatus.SCHEDULED;
    }

    public boolean runs(Joint joint) {
        return Arrays.asList(programmes.split(",")).contains(joint.name());
    }

    public int freePlaces() {
        return Math.max(0, capacity - placesTaken);
    }
}
