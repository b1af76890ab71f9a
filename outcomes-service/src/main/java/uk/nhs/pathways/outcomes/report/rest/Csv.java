package uk.nhs.pathways.outcomes.report.rest;

import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import uk.nhs.pathways.outcomes.report.domain.ReportRow;

/**
 * A report table as CSV (RFC 4180 quoting by jackson-dataformat-csv), safe to open in a spreadsheet: a
 * text cell that starts with a character a spreadsheet reads as the start of a formula (= + - @, tab or
 * carriage return) gets a leading apostrophe, so it is shown as text and never run. Numbers stay numbers.
 * A suppressed cell reads {@value #SUPPRESSED}, the statistical convention for "confidential".
 */
public final class Csv {

    public static final String MEDIA_TYPE = "text/csv";
    public static final String SUPPRESSED = "[c]";

    private static final CsvMapper MAPPER = CsvMapper.builder()
            .enable(CsvGenerator.Feature.ALWAYS_QUOTE_STRINGS)
            .build();

    private Csv() {}

    public static String of(List<ReportRow> rows) {
        Set<String> columns = new LinkedHashSet<>();
        rows.forEach(row -> columns.addAll(row.cells().keySet()));
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
        columns.forEach(schema::addColumn);
        List<Map<String, Object>> lines = new ArrayList<>(rows.size());
        for (ReportRow row : rows) {
            Map<String, Object> cells = row.cells();
            Map<String, Object> line = new LinkedHashMap<>();
            for (String column : columns) {
                Object value = cells.get(column);
                line.put(
                        column,
                        row.suppressed().contains(column) ? SUPPRESSED : value instanceof String s ? text(s) : value);
            }
            lines.add(line);
        }
        try {
            StringWriter out = new StringWriter();
            MAPPER.writer(schema.build()).writeValues(out).writeAll(lines).close();
            return out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A text cell as a spreadsheet will show it, never as a formula. */
    public static String text(String value) {
        if (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
            return "'" + value;
        }
        return value;
    }
}
