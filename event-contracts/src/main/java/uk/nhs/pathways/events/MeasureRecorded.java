package uk.nhs.pathways.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A patient-reported outcome measure taken at one timepoint of a course. The score is on the
 * instrument's stated scale ({@link Instrument}); change and responder status are the outcomes
 * service's analysis, published to ICSs on their outcome topics.
 */
public record MeasureRecorded(
        String referralId,
        String courseId,
        Instrument instrument,
        Timepoint timepoint,
        BigDecimal score,
        LocalDate takenOn,
        Instant recordedAt) {}
