package uk.nhs.pathways.referral.register.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import uk.nhs.pathways.events.CourseOutcome;
import uk.nhs.pathways.events.DropOutReason;

/**
 * One booking of a person into one class, as the provider's register follows it: a re-booking after a
 * cancelled booking is a new course, with a new id. Pseudonymous by its id, which is all that leaves this
 * service with its events.
 */
@Entity
public class Course extends PanacheEntityBase {

    /** The standard ESCAPE-pain course; fewer sessions is a reduced variant, recorded as such. */
    public static final int STANDARD_SESSIONS = 12;

    @Id
    @Column(name = "course_id")
    public String courseId;

    @Column(name = "referral_id")
    public UUID referralId;

    /** The referral's booking this course is: one course per booking. */
    @Column(name = "booking_request_number")
    public int bookingRequestNumber;

    @Column(name = "class_id")
    public String classId;

    @Column(name = "site_id")
    public String siteId;

    @Column(name = "provider_id")
    public String providerId;

    @Column(name = "sessions_planned")
    public int sessionsPlanned;

    public boolean reduced;

    /** The first session the person attended; null until then. */
    @Column(name = "started_on")
    public LocalDate startedOn;

    /** Null while the course is under way. */
    @Enumerated(EnumType.STRING)
    public CourseOutcome outcome;

    @Enumerated(EnumType.STRING)
    @Column(name = "drop_out_reason")
    public DropOutReason dropOutReason;

    /** The provider's own words about a drop-out: never sent in an event. */
    @Column(name = "drop_out_note")
    public String dropOutNote;

    @Column(name = "sessions_held")
    public Integer sessionsHeld;

    @Column(name = "sessions_attended")
    public Integer sessionsAttended;

    @Column(name = "ended_on")
    public LocalDate endedOn;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    public static Course begin(
            UUID referralId,
            int bookingRequestNumber,
            String classId,
            String siteId,
            String providerId,
            int sessionsPlanned,
            OffsetDateTime at) {
        Course course = new Course();
        course.courseId = UUID.randomUUID().toString();
        course.referralId = referralId;
        course.bookingRequestNumber = bookingRequestNumber;
        course.classId = classId;
        course.siteId = siteId;
        course.providerId = providerId;
        course.sessionsPlanned = sessionsPlanned;
        course.reduced = sessionsPlanned < STANDARD_SESSIONS;
        course.createdAt = at;
        course.updatedAt = at;
        return course;
    }

    public boolean hasEnded() {
        return outcome != null;
    }

    public void end(
            CourseOutcome outcome, DropOutReason reason, String note, Tally tally, LocalDate on, OffsetDateTime at) {
        this.outcome = outcome;
        this.dropOutReason = reason;
        this.dropOutNote = note == null || note.isBlank() ? null : note.trim();
        this.sessionsHeld = tally.held();
        this.sessionsAttended = tally.attended();
        this.endedOn = on;
        this.updatedAt = at;
    }

    @Override
    public String toString() {
        return "Course[" + courseId + ", " + outcome + "]";
    }
}
