package uk.nhs.pathways.referral.directory.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Set;
import uk.nhs.pathways.events.ClassStatus;
import uk.nhs.pathways.events.ClassUpdated;
import uk.nhs.pathways.events.FacilitatorType;
import uk.nhs.pathways.events.Joint;

/**
 * This service's copy of a class (cohort) in the site directory, kept current from the classes topic;
 * booking checks it. The directory owns its capacity and number of sessions.
 */
@Entity
@Table(name = "directory_class")
public class DirectoryClass extends PanacheEntityBase {

    /** What an event that does not state a session's length means (docs/events.md). */
    public static final int DEFAULT_DURATION_MINUTES = 60;

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

    /** Length of each session. */
    @Column(name = "duration_minutes")
    public int durationMinutes = DEFAULT_DURATION_MINUTES;

    public int capacity;

    @Column(name = "places_taken")
    public int placesTaken;

    @Enumerated(EnumType.STRING)
    @Column(name = "facilitator_type")
    public FacilitatorType facilitatorType;

    @Enumerated(EnumType.STRING)
    public ClassStatus status;

    /** When this copy last changed. */
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    /** The class as its latest full-state event describes it. */
    public static DirectoryClass copyOf(ClassUpdated c, OffsetDateTime at) {
        DirectoryClass copy = new DirectoryClass();
        copy.classId = c.classId();
        copy.siteId = c.siteId();
        copy.providerId = c.providerId();
        copy.programmes = Names.join(c.programmes());
        copy.startDate = c.startDate();
        copy.days = Names.join(c.days());
        copy.startTime = c.startTime();
        copy.sessions = c.sessions();
        copy.capacity = c.capacity();
        copy.placesTaken = c.placesTaken();
        copy.facilitatorType = c.facilitatorType();
        copy.status = c.status();
        copy.durationMinutes = c.durationMinutes() > 0 ? c.durationMinutes() : DEFAULT_DURATION_MINUTES;
        copy.updatedAt = at;
        return copy;
    }

    /** Only a class that has not started takes bookings. */
    public boolean takesBookings() {
        return status == ClassStatus.SCHEDULED;
    }

    public boolean runs(Joint joint) {
        return Names.contains(programmes, joint);
    }

    public Set<DayOfWeek> meetingDays() {
        return Names.parse(days, DayOfWeek.class);
    }

    public int freePlaces() {
        return Math.max(0, capacity - placesTaken);
    }
}
