package uk.nhs.pathways.web.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void aHeaderRowThenEachRowWithTextQuotedAndNumbersAsTheTableShowsThem() {
        DataTable table = new DataTable(
                "Referrals per month",
                List.of("Month", "Course", "Referrals", "Responders (%)", "Mean change", "Budget cap (£)"),
                List.of(
                        Arrays.asList("Jan 2026", "Standard (12 sessions)", 8L, 66.7, 9.47, new BigDecimal("1250.50")),
                        Arrays.asList("Feb 2026", "Standard (12 sessions)", 0L, 80.0, -1.5, null)));

        String csv = table.csv();

        assertThat(csv.split("\r\n", -1))
                .containsExactly(
                        "\"Month\",\"Course\",\"Referrals\",\"Responders (%)\",\"Mean change\",\"Budget cap (£)\"",
                        "\"Jan 2026\",\"Standard (12 sessions)\",8,66.7,9.47,1250.50",
                        // A negative number stays a number (not disarmed as a formula); a missing figure is empty.
                        "\"Feb 2026\",\"Standard (12 sessions)\",0,80,-1.5,",
                        "");
        // The same figures, written the same way, as the page's table shows them.
        assertThat(table.shown().get(0))
                .containsExactly("Jan 2026", "Standard (12 sessions)", "8", "66.7", "9.47", "1250.50");
        assertThat(table.shown().get(1))
                .containsExactly("Feb 2026", "Standard (12 sessions)", "0", "80", "-1.5", Format.MISSING);
    }

    @Test
    void commasQuotesAndLineBreaksStayInsideTheirCell() {
        String csv =
                Csv.of(List.of("Contract", "Note"), List.of(List.of("aqp-qwo, \"2026\"", "first line\nsecond line")));

        assertThat(csv).isEqualTo("\"Contract\",\"Note\"\r\n\"aqp-qwo, \"\"2026\"\"\",\"first line\nsecond line\"\r\n");
    }

    @Test
    void aContractNamedLikeAFormulaIsNeverRunBySpreadsheets() {
        String csv = Csv.of(List.of("Contract"), List.of(List.of("=HYPERLINK(\"http://x\")"), List.of("-cmd")));

        assertThat(csv.lines().toList())
                .containsExactly("\"Contract\"", "\"'=HYPERLINK(\"\"http://x\"\")\"", "\"'-cmd\"");
    }

    @Test
    void wholeNumbersAndDecimalsAreWrittenWithoutNoise() {
        assertThat(Format.number(12)).isEqualTo("12");
        assertThat(Format.number(12.0)).isEqualTo("12");
        assertThat(Format.number(-0.0)).isEqualTo("0");
        assertThat(Format.number(new BigDecimal("10.00"))).isEqualTo("10.00");
    }
}
