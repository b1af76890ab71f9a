package uk.nhs.pathways.web.dashboard;

import java.util.List;

/**
 * A chart's numbers as a table: what the page shows beside the chart (for screen readers and without
 * JavaScript) and what its CSV download holds, cell for cell. Cells are text, numbers or null (missing).
 */
public record DataTable(String caption, List<String> header, List<List<Object>> rows) {

    /** The rows as the page shows them. */
    public List<List<String>> shown() {
        return rows.stream().map(row -> row.stream().map(Format::cell).toList()).toList();
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    public String csv() {
        return Csv.of(header, rows);
    }

    /** Whether a column holds figures (right-aligned, as NHS tables show numbers). */
    public boolean numeric(int column) {
        return rows.stream().anyMatch(r -> r.get(column) instanceof Number)
                && rows.stream().allMatch(r -> r.get(column) == null || r.get(column) instanceof Number);
    }
}
