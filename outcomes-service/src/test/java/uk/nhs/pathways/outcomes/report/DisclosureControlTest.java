package uk.nhs.pathways.outcomes.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import uk.nhs.pathways.outcomes.report.domain.DisclosureControl;
import uk.nhs.pathways.outcomes.report.domain.ReportRow;

/** Small-number suppression, primary and secondary, on tables small enough to check by hand. */
class DisclosureControlTest {

    @Test
    void countsOfOneToFourAreSuppressedAndZeroIsShown() {
        DisclosureControl control = new DisclosureControl();
        int zero = control.cell(0, true);
        int one = control.cell(1, true);
        int four = control.cell(4, true);
        int five = control.cell(5, true);
        var suppressed = control.suppress();
        assertThat(suppressed.get(zero)).isFalse();
        assertThat(suppressed.get(one)).isTrue();
        assertThat(suppressed.get(four)).isTrue();
        assertThat(suppressed.get(five)).isFalse();
    }

    @Test
    void aTotalCannotGiveAwayItsOnlySuppressedPart() {
        // total 30 = 3 + 12 + 15: with 3 suppressed alone, 30 - 12 - 15 gives it back; the smallest other
        // part (12) goes too.
        DisclosureControl control = new DisclosureControl();
        int total = control.cell(30, true);
        int small = control.cell(3, true);
        int middle = control.cell(12, true);
        int large = control.cell(15, true);
        control.equation(total, small, middle, large);
        var suppressed = control.suppress();
        assertThat(suppressed.get(small)).isTrue();
        assertThat(suppressed.get(middle)).as("secondary").isTrue();
        assertThat(suppressed.get(large)).isFalse();
        assertThat(suppressed.get(total)).isFalse();
    }

    @Test
    void aComplementThatIsSmallIsProtectedThoughItIsNeverPrinted() {
        // 20 people with a baseline, 17 responders: 3 non-responders would follow by subtraction.
        DisclosureControl control = new DisclosureControl();
        int paired = control.cell(20, true);
        int responders = control.cell(17, true);
        int nonResponders = control.cell(3, false);
        control.equation(paired, responders, nonResponders);
        var suppressed = control.suppress();
        assertThat(suppressed.get(responders)).isTrue();
        assertThat(suppressed.get(paired)).isFalse();
    }

    @Test
    void suppressionFollowsAChainOfTotals() {
        // Site A (2) and site B (9) under a provider (11) that is the ICB's only provider (ICB 11): A's 2 is
        // primary; B must go (provider - B = A); the provider and ICB can stay (two unknowns under them).
        DisclosureControl control = new DisclosureControl();
        int icb = control.cell(11, true);
        int provider = control.cell(11, true);
        int a = control.cell(2, true);
        int b = control.cell(9, true);
        control.equation(icb, provider);
        control.equation(provider, a, b);
        var suppressed = control.suppress();
        assertThat(suppressed.get(a)).isTrue();
        assertThat(suppressed.get(b)).isTrue();
        assertThat(suppressed.get(provider)).isFalse();
        assertThat(suppressed.get(icb)).isFalse();
    }

    @Test
    void aSecondaryCellThatCouldBeWorkedOutElsewhereIsProtectedToo() {
        // Row: 10 = 3 + 7. Column: 7 + 8 = 15. Suppressing 7 (secondary for the 3) is not enough if 15 and 8
        // give it back; the algorithm keeps going until nothing suppressed can be learned.
        DisclosureControl control = new DisclosureControl();
        int rowTotal = control.cell(10, true);
        int small = control.cell(3, true);
        int seven = control.cell(7, true);
        int eight = control.cell(8, true);
        int columnTotal = control.cell(15, true);
        control.equation(rowTotal, small, seven);
        control.equation(columnTotal, seven, eight);
        var suppressed = control.suppress();
        assertThat(suppressed.get(small)).isTrue();
        assertThat(suppressed.get(seven)).isTrue();
        assertThat(suppressed.get(eight) || suppressed.get(columnTotal)).isTrue();
        // and indeed nothing suppressed can now be learned: 10 - ? - ? has two unknowns, and so has 15 - ? - ?
    }

    @Test
    void rowsOfAReportAreProtectedTogetherAndDerivedFiguresWithTheirCounts() {
        ReportRow icb = new ReportRow(null)
                .label("level", "ICB")
                .count("completers", 13)
                .count("droppedOut", 2)
                .derived("completionPercent", 86.7, "completers", "droppedOut");
        ReportRow siteA = new ReportRow(icb)
                .label("level", "SITE")
                .count("completers", 6)
                .count("droppedOut", 0)
                .derived("completionPercent", 100.0, "completers", "droppedOut");
        ReportRow siteB = new ReportRow(icb)
                .label("level", "SITE")
                .count("completers", 7)
                .count("droppedOut", 2)
                .derived("completionPercent", 77.8, "completers", "droppedOut");
        ReportRow.suppressSmallNumbers(List.of(icb, siteA, siteB));

        // droppedOut: B's 2 is primary; with A's 0 shown and the ICB's 2 shown... the ICB's 2 is itself small.
        assertThat(icb.suppressed()).contains("droppedOut", "completionPercent");
        assertThat(siteB.suppressed()).contains("droppedOut", "completionPercent");
        assertThat(siteB.cells().get("droppedOut")).isNull();
        // completers 13 = 6 + 7: nothing small, all shown.
        assertThat(icb.cells().get("completers")).isEqualTo(13L);
        assertThat(siteA.cells().get("completers")).isEqualTo(6L);
        assertThat(siteA.cells().get("droppedOut")).isEqualTo(0L);
        assertThat(siteA.cells().get("completionPercent")).isEqualTo(100.0);
    }

    @Test
    void whatNoChildRowShowsIsAHiddenPartOfTheTotal() {
        // ICB referrals 20, site A 16: the other 4 had no site. They are hidden and small, so A must go.
        ReportRow icb = new ReportRow(null).count("referrals", 20);
        ReportRow site = new ReportRow(icb).count("referrals", 16);
        ReportRow.suppressSmallNumbers(List.of(icb, site));
        assertThat(site.suppressed()).contains("referrals");
        assertThat(icb.suppressed()).doesNotContain("referrals");
    }
}
