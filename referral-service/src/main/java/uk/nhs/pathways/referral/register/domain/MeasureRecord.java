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
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import uk.nhs.pathways.events.Instrument;
import uk.nhs.pathways.events.Timepoint;

/** A patient-reported outcome measure of a course: one score per instrument and timepoint. */
@Entity
@Table(name = "course_measure")
public class MeasureRecord extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "course_id")
    public String courseId;

    @Enumerated(EnumType.STRING)
    public Instrument instrument;

    @Enumerated(EnumType.STRING)
    public Timepoint timepoint;

    /** On the instrument's scale, as sent. */
    public BigDecimal score;

    @Column(name = "taken_on")
    public LocalDate takenOn;

    @Column(name = "recorded_at")
    public OffsetDateTime recordedAt;

    @Column(name = "recorded_by")
    public String recordedBy;

    /** Whether this is the same measure again (a retry): same score and day. */
    public boolean sameAs(BigDecimal score, LocalDate takenOn) {
        return this.score.compareTo(score) == 0 && this.takenOn.equals(takenOn);
    }
}
