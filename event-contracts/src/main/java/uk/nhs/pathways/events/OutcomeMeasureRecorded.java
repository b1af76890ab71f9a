package uk.nhs.pathways.events;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * For ICSs: a measure at one timepoint, with its change from the first-session baseline and whether the
 * change reaches the instrument's minimal clinically important difference.
 *
 * @param change    score minus baseline, in the direction of benefit (positive = better); null without a
 *                  baseline, or at the baseline itself
 * @param mcid      the threshold used (docs/outcome-measures.md names its source)
 * @param responder null when it cannot be judged (no baseline): missing is missing, not a failure
 */
public record OutcomeMeasureRecorded(
        EpisodeContext episode,
        Instrument instrument,
        Timepoint timepoint,
        BigDecimal score,
        LocalDate takenOn,
        BigDecimal baseline,
        BigDecimal change,
        BigDecimal mcid,
        Boolean responder) {}
