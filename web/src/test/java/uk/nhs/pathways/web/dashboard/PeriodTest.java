package uk.nhs.pathways.web.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class PeriodTest {

    @Test
    void theLastTwelveMonthsEndWithThisOne() {
        Period period = Period.parse(null, LocalDate.parse("2026-12-08")).orElseThrow();
        assertThat(period.value()).isEqualTo(Period.LAST_12_MONTHS);
        assertThat(period.first()).isEqualTo(YearMonth.of(2026, 1));
        assertThat(period.last()).isEqualTo(YearMonth.of(2026, 12));
        assertThat(period.quarters()).containsExactly("2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4");
    }

    @Test
    void aFinancialYearRunsAprilToMarchAndStopsAtThisMonth() {
        LocalDate march = LocalDate.parse("2027-03-31");
        assertThat(Period.choices(march))
                .extracting(Period::value)
                .containsExactly(Period.LAST_12_MONTHS, "fy-2026", "fy-2025", "fy-2024");
        Period current = Period.parse("fy-2026", LocalDate.parse("2026-12-08")).orElseThrow();
        assertThat(current.first()).isEqualTo(YearMonth.of(2026, 4));
        assertThat(current.last()).isEqualTo(YearMonth.of(2026, 12));
        assertThat(current.label()).endsWith("(so far)");
        Period past = Period.parse("fy-2025", LocalDate.parse("2026-12-08")).orElseThrow();
        assertThat(past.last()).isEqualTo(YearMonth.of(2026, 3));
        assertThat(past.quarters()).containsExactly("2025-Q2", "2025-Q3", "2025-Q4", "2026-Q1");
        assertThat(Period.choices(LocalDate.parse("2026-04-01")).get(1).value()).isEqualTo("fy-2026");
    }

    @Test
    void aPeriodNotOfferedIsNone() {
        LocalDate today = LocalDate.parse("2026-12-08");
        assertThat(Period.parse("fy-2027", today)).isEmpty();
        assertThat(Period.parse("fy-1900", today)).isEmpty();
        assertThat(Period.parse("<script>", today)).isEmpty();
    }
}
