package uk.nhs.pathways.outcomes.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.nhs.pathways.outcomes.report.domain.ReportRow;
import uk.nhs.pathways.outcomes.report.rest.Csv;

class CsvTest {

    @Test
    void textThatASpreadsheetWouldRunIsWrittenAsText() {
        for (String formula : List.of("=1+2", "+1+2", "-1+2", "@SUM(A1)", "\tx", "\rx", "=cmd|' /C calc'!A0")) {
            assertThat(Csv.text(formula)).isEqualTo("'" + formula);
        }
        assertThat(Csv.text("leisure-1")).isEqualTo("leisure-1");
        assertThat(Csv.text("")).isEqualTo("");
    }

    @Test
    void cellsAreQuotedAsRfc4180AndNumbersStayNumbers() throws Exception {
        ReportRow row = new ReportRow(null)
                .label("providerId", "=HYPERLINK(\"http://x\",\"a, b\")")
                .label("siteId", "line\nbreak")
                .count("starts", 12)
                .derived("meanChange", -2.5);
        String csv = Csv.of(List.of(row));

        assertThat(csv.lines().findFirst()).hasValue("\"providerId\",\"siteId\",\"starts\",\"meanChange\"");
        assertThat(csv).contains("\"'=HYPERLINK(\"\"http://x\"\",\"\"a, b\"\")\"");
        assertThat(csv).contains(",12,-2.5");
        // A CSV reader gets the values back, the formula as inert text.
        MappingIterator<Map<String, String>> read = new CsvMapper()
                .readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader())
                .readValues(csv);
        Map<String, String> back = read.next();
        assertThat(back.get("providerId")).isEqualTo("'=HYPERLINK(\"http://x\",\"a, b\")");
        assertThat(back.get("siteId")).isEqualTo("line\nbreak");
        assertThat(back.get("meanChange")).isEqualTo("-2.5");
    }

    @Test
    void aSuppressedCellReadsC() {
        ReportRow total = new ReportRow(null).label("level", "ICB").count("completers", 3);
        ReportRow.suppressSmallNumbers(List.of(total));
        assertThat(Csv.of(List.of(total))).contains("\"ICB\",\"[c]\"");
    }
}
