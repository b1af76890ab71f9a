package uk.nhs.pathways.outcomes.course;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import uk.nhs.pathways.events.Instrument;
import uk.nhs.pathways.events.Timepoint;
import uk.nhs.pathways.outcomes.course.domain.Measure;
import uk.nhs.pathways.outcomes.course.domain.ResponderThresholds;

/** Change in the direction of benefit, responder at the MCID, missing baselines; the MCIDs match the docs. */
class MeasureAnalysisTest {

    static Measure measure(Instrument instrument, Timepoint timepoint, String score) {
        Measure m = new Measure();
        m.instrument = instrument;
        m.timepoint = timepoint;
        m.score = new BigDecimal(score);
        return m;
    }

    @Test
    void higherIsBetterChangeIsScoreMinusBaselineAndTheMcidItselfMakesAResponder() {
        Measure m = measure(Instrument.KOOS_PS, Timepoint.LAST_SESSION, "60.0");
        m.analyse(new BigDecimal("50.0"));
        assertThat(m.change).isEqualByComparingTo("10.0");
        assertThat(m.mcid).isEqualByComparingTo("10");
        assertThat(m.responder).isTrue();
        assertThat(m.baseline).isEqualByComparingTo("50.0");

        m.score = new BigDecimal("59.7");
        m.analyse(new BigDecimal("50.0"));
        assertThat(m.change).isEqualByComparingTo("9.7");
        assertThat(m.responder).isFalse();
    }

    @Test
    void lowerIsBetterPainChangeIsBaselineMinusScore() {
        Measure m = measure(Instrument.PAIN_NRS, Timepoint.FOLLOW_UP, "5");
        m.analyse(new BigDecimal("7"));
        assertThat(m.change).isEqualByComparingTo("2");
        assertThat(m.responder).isTrue();

        Measure worse = measure(Instrument.PAIN_NRS, Timepoint.LAST_SESSION, "8");
        worse.analyse(new BigDecimal("7"));
        assertThat(worse.change).isEqualByComparingTo("-1");
        assertThat(worse.responder).isFalse();
    }

    @Test
    void withoutABaselineThereIsNoChangeAndNoVerdict() {
        Measure m = measure(Instrument.SWEMWBS, Timepoint.LAST_SESSION, "25.03");
        assertThat(m.analyse(null)).isTrue();
        assertThat(m.change).isNull();
        assertThat(m.responder).isNull();
        assertThat(m.baseline).isNull();
        assertThat(m.mcid).isEqualByComparingTo("3");
    }

    @Test
    void theBaselineItselfHasNoChange() {
        Measure m = measure(Instrument.ASES_8, Timepoint.FIRST_SESSION, "5.375");
        m.analyse(null);
        assertThat(m.baseline).isEqualByComparingTo("5.375");
        assertThat(m.change).isNull();
        assertThat(m.responder).isNull();
        assertThat(m.analyse(null)).as("the same again changes nothing").isFalse();
    }

    @Test
    void everyInstrumentHasOneThresholdAndTheReferenceTableSaysTheSame() throws IOException {
        String doc = Files.readString(Path.of("..", "docs", "outcome-measures.md"));
        // Rows of the summary table: | name | ... | **<mcid> ...** | ...
        Map<String, String> documented = new HashMap<>();
        Matcher row = Pattern.compile("(?m)^\\| `([A-Z_0-9]+)` .*?\\| \\*\\*([0-9.]+)")
                .matcher(doc);
        while (row.find()) {
            documented.put(row.group(1), row.group(2));
        }
        for (Instrument instrument : Instrument.values()) {
            BigDecimal mcid = ResponderThresholds.of(instrument).mcid();
            assertThat(documented)
                    .as("docs/outcome-measures.md lists " + instrument)
                    .containsKey(instrument.name());
            assertThat(new BigDecimal(documented.get(instrument.name())))
                    .as(instrument + " in docs/outcome-measures.md")
                    .isEqualByComparingTo(mcid);
        }
        assertThat(documented).hasSize(Instrument.values().length);
    }
}
