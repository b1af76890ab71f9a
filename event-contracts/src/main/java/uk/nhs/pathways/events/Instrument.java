package uk.nhs.pathways.events;

import java.math.BigDecimal;

/**
 * The patient-reported outcome measures the programme monitors, with the range of the score each event
 * carries and which way is better (docs/outcome-measures.md gives scoring and sources).
 */
public enum Instrument {
    /** Knee physical function short form: 0-100 interval score, stored with 100 = no difficulty. */
    KOOS_PS("0", "100", true),
    /** Hip physical function short form: 0-100, stored with 100 = no difficulty. */
    HOOS_PS("0", "100", true),
    /** Pain numeric rating scale: 0 = no pain, 10 = worst imaginable. */
    PAIN_NRS("0", "10", false),
    /** EQ-5D visual analogue scale of health today: 0 worst, 100 best imaginable. */
    EQ_VAS("0", "100", true),
    /** Short Warwick-Edinburgh Mental Wellbeing Scale, metric score. */
    SWEMWBS("7", "35", true),
    /** Arthritis Self-Efficacy Scale, 8-item form: mean of items, 1-10. */
    ASES_8("1", "10", true);

    private final BigDecimal minimum;
    private final BigDecimal maximum;
    private final boolean higherIsBetter;

    Instrument(String minimum, String maximum, boolean higherIsBetter) {
        this.minimum = new BigDecimal(minimum);
        this.maximum = new BigDecimal(maximum);
        this.higherIsBetter = higherIsBetter;
    }

    public BigDecimal minimum() {
        return minimum;
    }

    public BigDecimal maximum() {
        return maximum;
    }

    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    /** Whether a score lies within the instrument's range. */
    public boolean inRange(BigDecimal score) {
        return score.compareTo(minimum) >= 0 && score.compareTo(maximum) <= 0;
    }
}
