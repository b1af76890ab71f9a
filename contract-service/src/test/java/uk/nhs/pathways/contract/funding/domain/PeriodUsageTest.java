package uk.nhs.pathways.contract.funding.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import uk.nhs.pathways.contract.terms.domain.Period;

/** A period's counters and the thresholds they cross, in integers. */
class PeriodUsageTest {

    static PeriodUsage usage() {
        return PeriodUsage.empty("c", new Period(LocalDate.parse("2026-10-01"), LocalDate.parse("2026-12-31")));
    }

    @Test
    void aCapOfNTakesExactlyNAndUseAndReleaseMoveTheCounts() {
        PeriodUsage usage = usage();
        for (int i = 0; i < 3; i++) {
            assertThat(usage.tryCommit(3, null, 100)).isNull();
        }
        assertThat(usage.tryCommit(3, null, 100)).isEqualTo(Refusal.VOLUME_CAP_REACHED);
        usage.use(100, false);
        assertThat(usage.episodesCommitted).isEqualTo(2);
        assertThat(usage.episodesUsed).isEqualTo(1);
        assertThat(usage.penceUsed).isEqualTo(100);
        usage.release(100);
        assertThat(usage.episodes()).isEqualTo(2);
        assertThat(usage.tryCommit(3, null, 100)).isNull(); // the released place is taken again
        assertThat(usage.pence()).isEqualTo(300);
    }

    @Test
    void aBudgetIsNeverExceededByAPenny() {
        PeriodUsage usage = usage();
        assertThat(usage.tryCommit(null, 32_600L, 16_300)).isNull();
        assertThat(usage.tryCommit(null, 32_600L, 16_300)).isNull();
        assertThat(usage.tryCommit(null, 32_600L, 1)).isEqualTo(Refusal.BUDGET_EXHAUSTED);
        assertThat(usage.tryCommit(null, 32_600L, 0)).isNull(); // a block episode costs nothing more
    }

    @Test
    void eachThresholdIsCrossedOnceOnTheWayUp() {
        assertThat(PeriodUsage.thresholdsCrossed(3, 4, 5)).containsExactly(80);
        assertThat(PeriodUsage.thresholdsCrossed(4, 5, 5)).containsExactly(100);
        assertThat(PeriodUsage.thresholdsCrossed(2, 3, 5)).isEmpty();
        assertThat(PeriodUsage.thresholdsCrossed(0, 1, 1)).containsExactly(80, 100);
        assertThat(PeriodUsage.thresholdsCrossed(79, 80, 100)).containsExactly(80);
        assertThat(PeriodUsage.thresholdsCrossed(5, 4, 5)).isEmpty(); // going down crosses nothing
        assertThat(PeriodUsage.thresholdsCrossed(0, 9, null)).isEmpty(); // no cap, no alerts
        assertThat(PeriodUsage.thresholdsCrossed(0, 0, 0)).isEmpty(); // a zero cap funds nothing to alert on
    }
}
