package uk.nhs.pathways.sitedirectory.cohort.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import uk.nhs.pathways.events.ClassStatus;
import uk.nhs.pathways.events.FacilitatorType;
import uk.nhs.pathways.events.Joint;
import uk.nhs.pathways.events.PlaceRefusal;
import uk.nhs.pathways.sitedirectory.site.domain.Programmes;
import uk.nhs.pathways.sitedirectory.site.domain.Site;

/**
 * A class: one cohort of an ESCAPE-pain course at a site, meeting on fixed weekdays at a fixed time
 * for a number of sessions, with a capacity and the places taken so far (the places reserved in it,
 * see {@link PlaceReservation}). Called "class" in the API and the events, and by every other type here (ClassResource,
 * ClassResponse, the Classes service); only this entity is {@code Cohort}, because Java owns "class".
 */
@Entity
@Table(name = "cohort")
public class Cohort extends PanacheEntityBase {

    @Id
    public String id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "site_id")
    public Site site;

    /** Stored as {@link Programmes} stores them. */
    @Column(name = "programmes")
    String programmeList;

    @Column(name = "start_date")
    public LocalDate startDate;

    /** Date of the last session. */
    @Column(name = "end_date")
    public LocalDate endDate;

    @Column(name = "day_mask")
    short dayMask;

    @Column(name = "start_time")
    public LocalTime startTime;

    @Column(name = "duration_minutes")
    public int durationMinutes;

    public int sessions;

    public int capacity;

    @Column(name = "places_taken")
    public int placesTaken;

    @Enumerated(EnumType.STRING)
    @Column(name = "facilitator_type")
    public FacilitatorType facilitatorType;

    @Enumerated(EnumType.STRING)
    public ClassStatus status;

    @Version
    public long version;

    @Column(name = "created_at", insertable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    public List<Joint> programmes() {
        return Programmes.parse(programmeList);
    }

    public void programmes(List<Joint> joints) {
        programmeList = Programmes.store(joints);
    }

    /** Weekdays the class meets, Monday first. */
    public List<DayOfWeek> days() {
        return CourseCalendar.days(dayMask);
    }

    public void days(List<DayOfWeek> days) {
        dayMask = CourseCalendar.mask(days);
    }

    public LocalTime endTime() {
        return startTime.plusMinutes(durationMinutes);
    }

    public int weeks() {
        return CourseCalendar.weeks(days(), sessions);
    }

    public int freePlaces() {
        return Math.max(0, capacity - placesTaken);
    }

    public boolean isReducedVariant() {
        return Programmes.isReducedVariant(sessions);
    }

    /**
     * Why a person referred for {@code joint}, whose booking {@code providerId} asks for and whose
     * funding pays for at most {@code maxSessions} contacts, cannot have a place here; null if they can.
     */
    public PlaceRefusal refusalOfPlace(String providerId, Joint joint, int maxSessions) {
        if (!site.provider.id.equals(providerId)) {
            return PlaceRefusal.OTHER_PROVIDER;
        }
        if (!programmes().contains(joint)) {
            return PlaceRefusal.OTHER_JOINT;
        }
        if (status != ClassStatus.SCHEDULED) {
            return PlaceRefusal.NOT_OPEN;
        }
        if (sessions > maxSessions) {
            return PlaceRefusal.TOO_MANY_SESSIONS;
        }
        if (placesTaken >= capacity) {
            return PlaceRefusal.FULL;
        }
        return null;
    }

    /**
     * Takes a place if {@link #refusalOfPlace} allows it. Only on the row as it is now and locked until
     * the transaction ends: then no other taker can pass the same check for the same free place.
     *
     * @return null when a place was taken, else why not
     */
    public PlaceRefusal takePlace(String providerId, Joint joint, int maxSessions) {
        PlaceRefusal refusal = refusalOfPlace(providerId, joint, maxSessions);
        if (refusal == null) {
            placesTaken++;
        }
        return refusal;
    }

    /** A reserved place given back. */
    public void releasePlace() {
        placesTaken = Math.max(0, placesTaken - 1);
    }
}
