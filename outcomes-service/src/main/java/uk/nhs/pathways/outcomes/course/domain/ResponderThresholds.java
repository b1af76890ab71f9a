package uk.nhs.pathways.outcomes.course.domain;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import uk.nhs.pathways.events.Instrument;

/**
 * The minimal clinically important difference (MCID) of each instrument: the smallest improvement from
 * the first-session baseline that counts a person as a responder. The one place these numbers live; the
 * reasons for each, and the alternatives in the literature, are in docs/outcome-measures.md (a test
 * checks that page's table against this one).
 */
public final class ResponderThresholds {

    /**
     * @param mcid   improvement needed, in the instrument's units, in its direction of benefit
     * @param source where the value comes from, short
     */
    public record Threshold(Instrument instrument, BigDecimal mcid, String source) {}

    private static final Map<Instrument, Threshold> TABLE = new EnumMap<>(Instrument.class);

    static {
        add(Instrument.KOOS_PS, "10", "KOOS developers' 10-point rule (Roos & Lohmander 2003)");
        add(Instrument.HOOS_PS, "10", "KOOS developers' 10-point rule (Roos & Lohmander 2003), as for KOOS-PS");
        add(Instrument.PAIN_NRS, "2", "Farrar et al. 2001; Salaffi et al. 2004 (knee and hip OA)");
        add(Instrument.EQ_VAS, "5", "supervised exercise for hip OA: 4.83, rounded up");
        add(Instrument.SWEMWBS, "3", "Shah et al. 2018 (top of the 1-3 point range)");
        add(Instrument.ASES_8, "1.1", "half the reference SD of 2.20 (Norman et al. 2003); none published");
        if (TABLE.size() != Instrument.values().length) {
            throw new IllegalStateException("every instrument needs a responder threshold");
        }
    }

    private ResponderThresholds() {}

    private static void add(Instrument instrument, String mcid, String source) {
        TABLE.put(instrument, new Threshold(instrument, new BigDecimal(mcid), source));
    }

    public static Threshold of(Instrument instrument) {
        return TABLE.get(instrument);
    }

    public static Collection<Threshold> all() {
        return Collections.unmodifiableCollection(TABLE.values());
    }
}
