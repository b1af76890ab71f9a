package uk.nhs.pathways.referral.register.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import uk.nhs.pathways.events.Attendance;

/** The register for one person at one session of their course: written once. */
@Entity
@Table(name = "course_session")
public class SessionRecord extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "course_id")
    public String courseId;

    @Column(name = "session_number")
    public int sessionNumber;

    /** The date the class's schedule gives the session. */
    @Column(name = "session_on")
    public LocalDate sessionOn;

    @Enumerated(EnumType.STRING)
    public Attendance attendance;

    @Column(name = "recorded_at")
    public OffsetDateTime recordedAt;

    /** Who recorded it (the user, or the service). */
    @Column(name = "recorded_by")
    public String recordedBy;

    public static SessionRecord of(
            String courseId, int number, LocalDate on, Attendance attendance, String by, OffsetDateTime at) {
        SessionRecord record = new SessionRecord();
        record.courseId = courseId;
        record.sessionNumber = number;
        record.sessionOn = on;
        record.attendance = attendance;
        record.recordedBy = by;
        record.recordedAt = at;
        return record;
    }
}
