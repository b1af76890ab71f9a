package uk.nhs.pathways.referral.register.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Objects;

/** A session the provider cancelled for the whole class: it was not held, and counts against nobody. */
@Entity
@Table(name = "class_session_cancellation")
@IdClass(SessionCancellation.Key.class)
public class SessionCancellation extends PanacheEntityBase {

    @Id
    @Column(name = "class_id")
    public String classId;

    @Id
    @Column(name = "session_number")
    public int sessionNumber;

    @Column(name = "session_on")
    public LocalDate sessionOn;

    @Column(name = "cancelled_at")
    public OffsetDateTime cancelledAt;

    @Column(name = "cancelled_by")
    public String cancelledBy;

    public static class Key implements Serializable {
        public String classId;
        public int sessionNumber;

        public Key() {}

        public Key(String classId, int sessionNumber) {
            this.classId = classId;
            this.sessionNumber = sessionNumber;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.sessionNumber == sessionNumber && Objects.equals(k.classId, classId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(classId, sessionNumber);
        }
    }
}
