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
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Objects;
import uk.nhs.pathways.events.Instrument;
import uk.nhs.pathways.events.Timepoint;

/**
 * A patient-reported outcome measure at one timepoint of a course, with its analysis: the change from
 * the first-session baseline in the direction of benefit, and whether that change reaches the
 * instrument's MCID. Without a baseline there is no change and no verdict: missing is missing.
 */
@Entity
@Table(name = "measure")
@IdClass(Measure.Key.class)
public class Measure extends PanacheEntityBase {

    @Id
    @Column(name = "course_id")
    public String courseId;

    @Id
    @Enumerated(EnumType.STRING)
    public Instrument instrument;

    @Id
    @Enumerated(EnumType.STRING)
    public Timepoint timepoint;

    public BigDecimal score;

    @Column(name = "taken_on")
    public LocalDate takenOn;

    /** The first-session score this one is compared with (at the baseline itself: its own score). */
    public BigDecimal baseline;

    /** Improvement from the baseline (positive = better); null at the baseline or without one. */
    public BigDecimal change;

    public BigDecimal mcid;

    /** change >= mcid; null when there is no change to judge. */
    public Boolean responder;

    @Column(name = "recorded_at")
    public OffsetDateTime recordedAt;

    /**
     * Compares this score with the course's first-session score on the same instrument.
     *
     * @param baselineScore null when no baseline was recorded
     * @return whether the analysis changed
     */
    public boolean analyse(BigDecimal baselineScore) {
        BigDecimal threshold = ResponderThresholds.of(instrument).mcid();
        BigDecimal newBaseline;
        BigDecimal newChange;
        Boolean newResponder;
        if (timepoint == Timepoint.FIRST_SESSION) {
            newBaseline = score;
            newChange = null;
            newResponder = null;
        } else if (baselineScore == null) {
            newBaseline = null;
            newChange = null;
            newResponder = null;
        } else {
            newBaseline = baselineScore;
            newChange = improvement(instrument, baselineScore, score);
            newResponder = newChange.compareTo(threshold) >= 0;
        }
        boolean changed = !same(baseline, newBaseline)
                || !same(change, newChange)
                || !Objects.equals(responder, newResponder)
                || !same(mcid, threshold);
        baseline = newBaseline;
        change = newChange;
        responder = newResponder;
        mcid = threshold;
        return changed;
    }

    /** Score minus baseline, turned so that a positive number is always better. */
    public static BigDecimal improvement(Instrument instrument, BigDecimal baseline, BigDecimal score) {
        BigDecimal difference = score.subtract(baseline);
        return instrument.higherIsBetter() ? difference : difference.negate();
    }

    private static boolean same(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    public static class Key implements Serializable {
        public String courseId;
        public Instrument instrument;
        public Timepoint timepoint;

        public Key() {}

        public Key(String courseId, Instrument instrument, Timepoint timepoint) {
            this.courseId = courseId;
            this.instrument = instrument;
            this.timepoint = timepoint;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k
                    && Objects.equals(k.courseId, courseId)
                    && k.instrument == instrument
                    && k.timepoint == timepoint;
        }

        @Override
        public int hashCode() {
            return Objects.hash(courseId, instrument, timepoint);
        }
    }
}
