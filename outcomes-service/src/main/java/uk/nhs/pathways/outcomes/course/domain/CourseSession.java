package uk.nhs.pathways.outcomes.course.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Objects;
import uk.nhs.pathways.events.Attendance;

/** The register for one person at one session of their course. */
@Entity
@Table(name = "course_session")
@IdClass(CourseSession.Key.class)
public class CourseSession extends PanacheEntityBase {

    @Id
    @Column(name = "course_id")
    public String courseId;

    @Id
    @Column(name = "session_number")
    public int sessionNumber;

    @Column(name = "session_on")
    public LocalDate sessionOn;

    @Enumerated(EnumType.STRING)
    public Attendance attendance;

    @Column(name = "recorded_at")
    public OffsetDateTime recordedAt;

    /** A session the provider cancelled was not held: it counts against nobody. */
    public boolean held() {
        return attendance != Attendance.SESSION_CANCELLED;
    }

    public static class Key implements Serializable {
        public String courseId;
        public int sessionNumber;

        public Key() {}

        public Key(String courseId, int sessionNumber) {
            this.courseId = courseId;
            this.sessionNumber = sessionNumber;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.sessionNumber == sessionNumber && Objects.equals(k.courseId, courseId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(courseId, sessionNumber);
        }
    }
}
